package org.mailpath.engine.dkim;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.mailpath.engine.common.TagList;
import org.mailpath.engine.finding.LocalText;

/**
 * A DKIM key record (RFC 6376 §3.6.1, RFC 8463) read from TXT text: tags, key type, key size from the DER
 * SubjectPublicKeyInfo (JDK {@link KeyFactory}), revocation, testing flag and the problems found.
 * {@code versionNotFirst}: v= is there but not the first tag, which RFC 6376 §3.6.1 forbids; it is no problem of the
 * key, as dkimpy, go-msgauth, OpenDKIM, Mail::DKIM and Rspamd look v= up by name (or ignore it) and use the key.
 */
public record DkimKey(Map<String, String> tags, String keyType, boolean revoked, OptionalInt bits, boolean testing,
                      boolean pkcs1, boolean versionNotFirst, List<LocalText> problemTexts) {

    private static final int ED25519_KEY_BYTES = 32;
    /** The tags of a key record (RFC 6376 §3.6.1). */
    private static final Set<String> KEY_TAGS = Set.of("v", "h", "k", "n", "p", "s", "t");
    /** Largest RSA modulus the JDK (and so this check) reads. */
    private static final int LARGEST_RSA_BITS = 16384;
    /** DER AlgorithmIdentifier of rsaEncryption with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    public DkimKey {
        tags = Map.copyOf(tags);
        problemTexts = List.copyOf(problemTexts);
    }

    /** The problems that mean the key is of another type than k= says, with the k= the key calls for. */
    private static final Map<String, String> TYPE_MISMATCHES = Map.of("problem.ed25519WithoutK", "ed25519",
            "problem.ed25519AsRsa", "ed25519", "problem.rsaAsEd25519", "rsa");

    /**
     * The key type p= holds when k= (or its default, rsa) names another: the k= to publish, empty when k= matches
     * the key or the key is unreadable for another reason.
     */
    public Optional<String> typeOfKeyData() {
        return problemTexts.stream().map(LocalText::key).filter(TYPE_MISMATCHES::containsKey).findFirst()
                .map(TYPE_MISMATCHES::get);
    }

    /** The problems found, in English (empty = usable unless revoked). */
    public List<String> problems() {
        return problemTexts.stream().map(LocalText::toString).toList();
    }

    /** True for TXT text that looks like a DKIM key record (v=DKIM1 first or a p= tag). */
    public static boolean looksLikeKey(String text) {
        String t = text.strip();
        return t.regionMatches(true, 0, "v=DKIM1", 0, 7) || t.matches("(?is)(.*;)?\\s*p\\s*=.*");
    }

    public boolean usable() {
        return problemTexts.isEmpty() && !revoked;
    }

    public static DkimKey parse(String text) {
        return parse(text, Optional::empty);
    }

    /**
     * {@link #parse(String)}, with {@code asWritten} giving the record's bytes (its strings joined), by which a
     * character of p= that is not base64 is named: {@code text} has each byte that is not printable ASCII as
     * {@code \ddd}, so a no-break space pasted into the key ({@code \194\160}), or a byte that is no UTF-8 at all
     * ({@code \160}), was named as the character '\', which the record does not hold. It is asked only then, as most
     * keys decode.
     */
    public static DkimKey parse(String text, Supplier<Optional<byte[]>> asWritten) {
        TagList list = TagList.parse(text);
        List<LocalText> problems = new ArrayList<>(list.problems());
        Map<String, String> tags = list.values();
        problems.addAll(capitalNames(text));
        boolean versionNotFirst = list.names().indexOf("v") > 0;
        if (tags.containsKey("v") && !tags.get("v").equals("DKIM1")) {
            problems.add(DkimTexts.text("problem.version", tags.get("v")));
        }
        if (tags.containsKey("s") && !forEmail(tags.get("s"))) {
            problems.add(List.of(tags.get("s").split(":")).stream().anyMatch(t -> t.strip().equalsIgnoreCase("email"))
                    ? DkimTexts.text("problem.valueCase", "s", tags.get("s"), "email")
                    : DkimTexts.text("problem.service", tags.get("s")));
        }
        String written = tags.getOrDefault("k", "rsa");
        String type = written.toLowerCase(Locale.ROOT);
        if (!written.equals(type) && (type.equals("rsa") || type.equals("ed25519"))) {
            problems.add(DkimTexts.text("problem.valueCase", "k", written, type));
        }
        boolean testing = List.of(tags.getOrDefault("t", "").split(":")).stream()
                .anyMatch(f -> f.strip().equalsIgnoreCase("y"));
        if (tags.containsKey("h") && !knownHash(tags.get("h"))) {
            problems.add(DkimTexts.text("problem.hash", tags.get("h")));
        }
        if (!type.equals("rsa") && !type.equals("ed25519")) {
            problems.add(DkimTexts.text("problem.keyType", type));
            return new DkimKey(tags, type, false, OptionalInt.empty(), testing, false, versionNotFirst, problems);
        }
        if (!tags.containsKey("p")) {
            problems.add(DkimTexts.text("problem.noKey"));
            return new DkimKey(tags, type, false, OptionalInt.empty(), testing, false, versionNotFirst, problems);
        }
        String base64 = tags.get("p").replaceAll("\\s+", "");
        if (base64.isEmpty()) {
            return new DkimKey(tags, type, true, OptionalInt.empty(), testing, false, versionNotFirst, problems);
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            LocalText fault = asWritten.get().map(DkimKey::base64Fault).orElseGet(() -> base64Fault(tags.get("p")));
            problems.add(DkimTexts.text("problem.base64", fault));
            return new DkimKey(tags, type, false, OptionalInt.empty(), testing, false, versionNotFirst, problems);
        }
        if (type.equals("ed25519")) {
            if (der.length != ED25519_KEY_BYTES) {
                // an RSA key under k=ed25519 (RFC 8463 §4): the k= is what is wrong, not the key's size
                Optional<Integer> rsa = rsaBits(der).or(() -> rsaBits(wrapPkcs1(der)));
                problems.add(rsa.map(b -> DkimTexts.text("problem.rsaAsEd25519", b))
                        .orElseGet(() -> DkimTexts.text("problem.ed25519Size", der.length)));
                return new DkimKey(tags, type, false, OptionalInt.empty(), testing, false, versionNotFirst, problems);
            }
            return new DkimKey(tags, type, false, OptionalInt.of(256), testing, false, versionNotFirst, problems);
        }
        Optional<Integer> bits = rsaBits(der);
        boolean pkcs1 = false;
        if (bits.isEmpty()) {
            bits = rsaBits(wrapPkcs1(der));
            pkcs1 = bits.isPresent();
        }
        if (bits.isEmpty() && der.length > LARGEST_RSA_BITS / 8) {
            // the JDK reads RSA keys of at most 16,384 bits; such a key is no use to any verifier either
            problems.add(DkimTexts.text("problem.tooLarge", der.length));
            return new DkimKey(tags, type, false, OptionalInt.empty(), testing, false, versionNotFirst, problems);
        }
        if (bits.isEmpty() && der.length == ED25519_KEY_BYTES) {
            // 32 bytes are an Ed25519 key (RFC 8463 §4), read as RSA because k= is missing (its default is rsa,
            // RFC 6376 §3.6.1) or says rsa
            problems.add(DkimTexts.text(tags.containsKey("k") ? "problem.ed25519AsRsa" : "problem.ed25519WithoutK",
                    written));
            return new DkimKey(tags, type, false, OptionalInt.empty(), testing, false, versionNotFirst, problems);
        }
        if (bits.isEmpty()) {
            problems.add(DkimTexts.text(certificate(der) ? "problem.certificate" : "problem.notRsa"));
            return new DkimKey(tags, type, false, OptionalInt.empty(), testing, false, versionNotFirst, problems);
        }
        return new DkimKey(tags, type, false, OptionalInt.of(bits.get()), testing, pkcs1, versionNotFirst, problems);
    }

    /** The h= list names sha256 or sha1 (sha1 alone is reported by the inspector as DKIM_SHA1_ONLY). */
    private static boolean knownHash(String hashes) {
        return List.of(hashes.split(":")).stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .anyMatch(h -> h.equals("sha256") || h.equals("sha1"));
    }

    /**
     * {@link #base64Fault(String)} for the record's bytes: the p= value's bytes read as UTF-8 as far as they are
     * UTF-8, and the first byte that is not (no base64 character either, as base64 is ASCII) named by its value
     * ({@code the byte 0xA0}: a no-break space saved in Latin-1 or Windows-1252), counted as one position. The
     * value is found in the bytes read as ISO-8859-1, one character a byte, which keeps its bytes: the tag syntax
     * ({@code ;}, {@code =}, white space) is ASCII, so a byte that is not leaves the tags as they are.
     */
    private static LocalText base64Fault(byte[] record) {
        byte[] value = TagList.parse(new String(record, StandardCharsets.ISO_8859_1)).values().getOrDefault("p", "")
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer in = ByteBuffer.wrap(value);
        // UTF-8 never gives more chars than bytes; decoding stops at the first byte that is not UTF-8
        CharBuffer out = CharBuffer.allocate(value.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        String readable = out.flip().toString();
        return characterFault(readable).orElseGet(() -> result.isError()
                ? DkimTexts.text("fault.byte", String.format(Locale.ROOT, "0x%02X", value[in.position()] & 0xff),
                        readable.codePointCount(0, readable.length()) + 1)
                : DkimTexts.text("fault.padding"));
    }

    /**
     * Why the p= value {@code value} is not base64, in words (the JDK's message names a character by its hex code):
     * its first character that is neither base64 nor white space (which is left out before decoding), shown as it is
     * when it is printable ASCII, else by its code point and Unicode name ({@code U+00A0 NO-BREAK SPACE}: a space
     * pasted from a web page or a document looks like any other), and its position in the value as written, white
     * space counted, one character each, as the admin counts it in the record.
     */
    private static LocalText base64Fault(String value) {
        return characterFault(value).orElseGet(() -> DkimTexts.text("fault.padding"));
    }

    /** The first character of {@code value} that is neither base64 nor white space, with its position. */
    private static Optional<LocalText> characterFault(String value) {
        int position = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            position++;
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=';
            // the white space the p= value may hold (RFC 6376 §3.6.1: FWS), as parse removes it
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
            if (!alphabet && !space) {
                return Optional.of(DkimTexts.text("fault.character", shown(c), position));
            }
        }
        return Optional.empty();
    }

    /** {@code 'c'} for printable ASCII, else {@code U+00A0 NO-BREAK SPACE}: never the character itself. */
    private static String shown(int c) {
        if (c >= 0x21 && c <= 0x7e) {
            return "'" + (char) c + "'";
        }
        String code = String.format(Locale.ROOT, "U+%04X", c);
        String name = Character.getName(c);
        return name == null ? code : code + " " + name;
    }

    /**
     * The s= service types (colon-separated) include "*" (all, the default) or "email": as written, since values are
     * case-sensitive (RFC 6376 §3.2) and dkimpy and Mail::DKIM compare them so.
     */
    private static boolean forEmail(String services) {
        return List.of(services.split(":")).stream().map(String::strip)
                .anyMatch(t -> t.equals("*") || t.equals("email"));
    }

    /**
     * Key tags written in capitals ("P=" for "p="): tag names are case-sensitive (RFC 6376 §3.2), so to dkimpy and
     * go-msgauth such a record has no p= (OpenDKIM reads it all the same).
     */
    private static List<LocalText> capitalNames(String text) {
        List<LocalText> out = new ArrayList<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? "" : part.substring(0, eq).strip();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!name.equals(lower) && KEY_TAGS.contains(lower)) {
                out.add(DkimTexts.text("problem.nameCase", name, lower));
            }
        }
        return out;
    }

    /**
     * Whether p= holds an X.509 certificate (RFC 5280) instead of the key: RFC 6376 §3.6.1 makes p= the public-key
     * data, and verifiers read only a SubjectPublicKeyInfo there: OpenDKIM with d2i_PUBKEY (libopendkim/dkim.c, dkim_sig_process), dkimpy with
     * parse_public_key, which expects SEQUENCE { SEQUENCE { OID, NULL }, BIT STRING } (dkim/crypto.py) and so fails
     * on a certificate's tbsCertificate.
     */
    private static boolean certificate(byte[] der) {
        try {
            CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            return true;
        } catch (CertificateException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<Integer> rsaBits(byte[] der) {
        try {
            var key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            BigInteger modulus = key.getModulus();
            return Optional.of(modulus.bitLength());
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A PKCS#1 RSAPublicKey wrapped into a SubjectPublicKeyInfo so the JDK can read it. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] bitString = concat(new byte[] {0x03}, derLength(pkcs1.length + 1), new byte[] {0x00}, pkcs1);
        byte[] body = concat(RSA_ALGORITHM, bitString);
        return concat(new byte[] {0x30}, derLength(body.length), body);
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        byte[] value = BigInteger.valueOf(length).toByteArray();
        int start = value[0] == 0 ? 1 : 0;
        byte[] out = new byte[value.length - start + 1];
        out[0] = (byte) (0x80 | (value.length - start));
        System.arraycopy(value, start, out, 1, value.length - start);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
