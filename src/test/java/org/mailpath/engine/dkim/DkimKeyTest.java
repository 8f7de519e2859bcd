package org.mailpath.engine.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DkimKeyTest {

    /** Base64 SubjectPublicKeyInfo of a freshly generated RSA key. */
    static String rsaKey(int bits) throws NoSuchAlgorithmException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
    }

    /** Base64 of the raw 32-byte ed25519 key (RFC 8463), cut from the JDK's SubjectPublicKeyInfo. */
    static String ed25519Key() throws NoSuchAlgorithmException {
        byte[] spki = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    /** 4096: RFC 8301 §3.2 "Verifiers MUST be able to validate signatures with keys ranging from 1024 bits to 4096". */
    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 2048, 3072, 4096})
    void rsaKeySizeFromTheDer(int bits) throws NoSuchAlgorithmException {
        DkimKey key = DkimKey.parse("v=DKIM1; k=rsa; p=" + rsaKey(bits));
        assertEquals(OptionalInt.of(bits), key.bits());
        assertTrue(key.usable());
    }

    @Test
    void aKeyTooLargeForAnyVerifierIsCalledThatNotAnythingElse() {
        // PKCS#1 RSAPublicKey of a 17,600-bit modulus: SEQUENCE { INTEGER n, INTEGER 65537 }
        byte[] modulus = new byte[2201];
        Arrays.fill(modulus, (byte) 0x5b);
        modulus[0] = 0; // positive, top bit of the next byte clear: 2,200 bytes of value
        byte[] n = der(0x02, modulus);
        byte[] e = der(0x02, new byte[] {0x01, 0x00, 0x01});
        byte[] body = new byte[n.length + e.length];
        System.arraycopy(n, 0, body, 0, n.length);
        System.arraycopy(e, 0, body, n.length, e.length);
        DkimKey key = DkimKey.parse("v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(der(0x30, body)));
        assertFalse(key.usable());
        assertTrue(key.problems().getFirst().contains("larger than any RSA key verifiers read"),
                key.problems().toString());
    }

    /** One DER element with a long-form (two-byte) length. */
    private static byte[] der(int tag, byte[] content) {
        if (content.length < 0x80) {
            byte[] out = new byte[content.length + 2];
            out[0] = (byte) tag;
            out[1] = (byte) content.length;
            System.arraycopy(content, 0, out, 2, content.length);
            return out;
        }
        byte[] out = new byte[content.length + 4];
        out[0] = (byte) tag;
        out[1] = (byte) 0x82;
        out[2] = (byte) (content.length >> 8);
        out[3] = (byte) content.length;
        System.arraycopy(content, 0, out, 4, content.length);
        return out;
    }

    @Test
    void documentedBase64Lengths() throws NoSuchAlgorithmException {
        assertEquals(216, rsaKey(1024).length());
        assertEquals(392, rsaKey(2048).length());
        assertEquals(44, ed25519Key().length());
    }

    @Test
    void ed25519() throws NoSuchAlgorithmException {
        DkimKey key = DkimKey.parse("v=DKIM1; k=ed25519; p=" + ed25519Key());
        assertTrue(key.usable());
        assertEquals("ed25519", key.keyType());
        assertFalse(DkimKey.parse("v=DKIM1; k=ed25519; p=" + rsaKey(1024)).usable());
    }

    @Test
    void whitespaceInsideTheKeyIsStrippedAndRsaIsTheDefault() throws NoSuchAlgorithmException {
        String p = rsaKey(2048);
        DkimKey key = DkimKey.parse("p=" + p.substring(0, 100) + " \t " + p.substring(100) + " ;");
        assertEquals(OptionalInt.of(2048), key.bits());
        assertEquals("rsa", key.keyType());
    }

    /**
     * A self-signed X.509 certificate (1024-bit RSA, CN=selector1._domainkey.example.com) made for this test with
     * {@code keytool -genkeypair -keyalg RSA -keysize 1024} and {@code keytool -exportcert} (DER).
     */
    private static final String CERTIFICATE = "MIIB9DCCAV2gAwIBAgIINr92cfRWhacwDQYJKoZIhvcNAQELBQAwKzEpMCcGA1UEAwwgc2VsZWN0b3IxLl9kb21haW5rZXkuZXhhbXBsZS5jb20wHhcNMjYxMjA1MDU1OTE2WhcNMzYxMjAyMDU1OTE2WjArMSkwJwYDVQQDDCBzZWxlY3RvcjEuX2RvbWFpbmtleS5leGFtcGxlLmNvbTCBnzANBgkqhkiG9w0BAQEFAAOBjQAwgYkCgYEAqtD+LIeN2Q+vTu/a3D1+ezeQhA5C6cfSFLCtN7QBwB1SoqQwwphvqlEDnYn15+uWQSxTbSJiybiWYhYe9tRSynk4ZUpwiVfSqnq7bd61oV91uhOFHvfl1Bsy5MPzVZIbgJYDBOLAUKxtY2rmzBSDWONHvni9DieggEH77m9608MCAwEAAaMhMB8wHQYDVR0OBBYEFEE2tTQphiBvFipxAR4dAi1PhrR5MA0GCSqGSIb3DQEBCwUAA4GBABt9w3KnaxUCXWi6FSXu+QzgPSMLlEYyQEY+y5cGg5knMjWUvpU7dimptBeujvDLGux0lINIh1lBYPrwb+ziQEi2+aa+ZNptVlZiFCfSgYBS5fbyilmvAaHWsRgPYQaG2g1q1LR4qk/x4lEyLIQjbWjQNnw0+cR52hW9xjHN4ezR";

    @Test
    void aCertificateInPIsNamedAsSuch() {
        // RFC 6376 §3.6.1: p= is the public key data; OpenDKIM (d2i_PUBKEY) and dkimpy (parse_public_key: SEQUENCE {
        // SEQUENCE { OID, NULL }, BIT STRING }) read only a SubjectPublicKeyInfo and fail on a certificate
        DkimKey key = DkimKey.parse("v=DKIM1; k=rsa; p=" + CERTIFICATE);
        assertFalse(key.usable());
        assertEquals(List.of("p= holds an X.509 certificate, not the bare public key (SubjectPublicKeyInfo) of RFC 6376 "
                + "§3.6.1: OpenDKIM and dkimpy cannot read it and fail every signature; publish the key alone (openssl "
                + "x509 -pubkey -noout)"), key.problems());
        assertTrue(key.bits().isEmpty());
    }

    @Test
    void revokedAndTesting() {
        assertTrue(DkimKey.parse("v=DKIM1; p=").revoked());
        assertTrue(DkimKey.parse("v=DKIM1; t=s:y; p=").testing());
        assertFalse(DkimKey.parse("v=DKIM1; t=s; p=").testing());
    }

    @Test
    void pkcs1KeysAreReadButMarked() throws Exception {
        var pub = (java.security.interfaces.RSAPublicKey) KeyPairGenerator.getInstance("RSA").generateKeyPair()
                .getPublic();
        byte[] spki = pub.getEncoded();
        // the PKCS#1 RSAPublicKey is the BIT STRING content after the 24-byte header of a 2048-bit SPKI
        byte[] pkcs1 = Arrays.copyOfRange(spki, 24, spki.length);
        DkimKey key = DkimKey.parse("v=DKIM1; p=" + Base64.getEncoder().encodeToString(pkcs1));
        assertTrue(key.pkcs1());
        assertEquals(OptionalInt.of(pub.getModulus().bitLength()), key.bits());
    }

    @Test
    void serviceTypeMustIncludeEmail() throws NoSuchAlgorithmException {
        String p = rsaKey(2048);
        for (String ok : List.of("*", "email", "web:email", " email : web ", "*:web")) {
            assertEquals(List.of(), DkimKey.parse("v=DKIM1; s=" + ok + "; p=" + p).problems(), ok);
        }
        DkimKey web = DkimKey.parse("v=DKIM1; k=rsa; s=web; p=" + p);
        assertFalse(web.usable());
        assertTrue(web.problems().getFirst().contains("s=web"), web.problems().toString());
    }

    @Test
    void valuesAndTagNamesAreCaseSensitive() throws NoSuchAlgorithmException {
        // RFC 6376 §3.2; dkimpy, go-msgauth and Mail::DKIM compare as written (OpenDKIM ignores case)
        String p = rsaKey(2048);
        assertEquals(List.of("k=RSA: tag values are case-sensitive (RFC 6376 §3.2); OpenDKIM accepts it, but dkimpy "
                + "and Mail::DKIM do not read it as \"rsa\""), DkimKey.parse("v=DKIM1; k=RSA; p=" + p).problems());
        assertEquals(List.of("s=web:EMAIL: tag values are case-sensitive (RFC 6376 §3.2); OpenDKIM accepts it, but "
                + "dkimpy and Mail::DKIM do not read it as \"email\""),
                DkimKey.parse("v=DKIM1; s=web:EMAIL; p=" + p).problems());
        assertEquals(List.of("P= is not p=: tag names are case-sensitive (RFC 6376 §3.2); OpenDKIM accepts it, but to "
                + "dkimpy and go-msgauth the tag is unknown"), DkimKey.parse("v=DKIM1; P=" + p).problems());
        // a name that is no key tag is an unknown tag either way, and unknown tags are ignored
        assertEquals(List.of(), DkimKey.parse("v=DKIM1; X1=extra; p=" + p).problems());
    }

    @Test
    void versionNotFirstIsNoProblemOfTheKey() throws Exception {
        // RFC 6376 §3.6.1 wants v= first; the verifiers use the key all the same (DkimInspector warns)
        DkimKey later = DkimKey.parse("k=rsa; v=DKIM1; p=" + rsaKey(2048));
        assertTrue(later.versionNotFirst());
        assertEquals(List.of(), later.problems());
        assertTrue(later.usable());
        assertFalse(DkimKey.parse("v=DKIM1; k=rsa; p=" + rsaKey(2048)).versionNotFirst());
        assertFalse(DkimKey.parse("k=rsa; p=" + rsaKey(2048)).versionNotFirst());
        assertEquals(List.of("v=DKIM2 (must be DKIM1)"), DkimKey.parse("k=rsa; v=DKIM2; p=" + rsaKey(2048)).problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"k=rsa; v=DKIM1; p=AAAA", "v=DKIM2; p=AAAA", "v=DKIM1; k=dsa; p=AAAA", "v=DKIM1; k=rsa",
        "v=DKIM1; p=!!notbase64!!", "v=DKIM1; p=SGVsbG8gd29ybGQ=", "v=DKIM1; garbage; p=AAAA"})
    void invalid(String text) {
        assertFalse(DkimKey.parse(text).problems().isEmpty(), text);
    }
}
