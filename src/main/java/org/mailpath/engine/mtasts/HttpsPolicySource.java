package org.mailpath.engine.mtasts;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.finding.LocalText;

/**
 * Fetches a policy the way RFC 8461 §3.3 tells senders to: HTTPS GET with the JDK's {@link HttpClient}, TLS 1.2 or
 * 1.3, the certificate validated for {@code mta-sts.<domain>} (the client's host name check, never switched off),
 * redirects not followed, the body read up to {@value #MAX_BODY_BYTES} bytes. The whole exchange is bounded by
 * twice the check's timeout (connecting by one), and cancelling aborts it. As a browser would, it goes through the
 * HTTP proxy of this computer's proxy settings when they name one (the launcher turns on the operating system's
 * settings; Java's {@code https.proxyHost} works too); the evidence then names the proxy, and a failure there is
 * {@link PolicyFetch.ProxyFailed}: not checked, not the policy host's.
 */
public final class HttpsPolicySource implements MtaStsPolicySource {

    private static final System.Logger LOG = System.getLogger(HttpsPolicySource.class.getName());

    /** Largest policy body read: RFC 8461 §3.3 tells senders to limit it; real policies are a few hundred bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    /** The status of a proxy that wants credentials (RFC 9110 §15.5.8); MailPath has none to give. */
    private static final int PROXY_AUTHENTICATION_REQUIRED = 407;

    private final Optional<SSLContext> tls;
    /** A stand-in for the network (tests); when empty, this computer's proxy settings. */
    private final Optional<ProxySelector> proxy;

    /** As senders fetch: the JDK's trusted certificate authorities, through this computer's proxy settings. */
    public HttpsPolicySource() {
        this(Optional.empty(), Optional.empty());
    }

    /** With a TLS context (which authorities are trusted), through this computer's proxy settings. */
    public HttpsPolicySource(SSLContext tls) {
        this(Optional.of(tls), Optional.empty());
    }

    /**
     * With a TLS context (which authorities are trusted) and a proxy selector that stands in for the network, its
     * proxies taken as the policy host itself: tests use a context trusting a test certificate and a loopback proxy
     * that stands in for port 443 of the policy host.
     */
    public HttpsPolicySource(SSLContext tls, ProxySelector proxy) {
        this(Optional.of(tls), Optional.of(proxy));
    }

    private HttpsPolicySource(Optional<SSLContext> tls, Optional<ProxySelector> proxy) {
        this.tls = tls;
        this.proxy = proxy;
    }

    @Override
    public PolicyFetch fetch(String domain, Duration timeout, Cancellation cancellation) {
        cancellation.throwIfCancelled();
        Instant at = Instant.now();
        URI uri;
        try {
            uri = MtaStsPolicySource.policyUri(domain);
        } catch (IllegalArgumentException e) {
            return new PolicyFetch.Unreachable(reason("fetch.notAHost", MtaStsPolicySource.policyHost(domain)),
                    List.of(";; GET " + MtaStsPolicySource.policyHost(
                    domain) + MtaStsPolicySource.WELL_KNOWN_PATH + " -> " + e.getMessage() + " at " + at));
        }
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(PROTOCOLS);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .sslParameters(parameters);
        tls.ifPresent(builder::sslContext);
        Optional<ProxySelector> selector = proxy.or(() -> Optional.ofNullable(ProxySelector.getDefault()));
        selector.ifPresent(builder::proxy);
        // named in the evidence, and its failures kept apart, only when it is this computer's proxy
        Optional<String> viaProxy = proxy.isPresent() ? Optional.empty() : selector.flatMap(s -> httpProxy(s, uri));
        HttpClient client = builder.build();
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
            CompletableFuture<HttpResponse<Body>> exchange = client.sendAsync(request,
                    info -> new CappedBodySubscriber(MAX_BODY_BYTES));
            Duration whole = timeout.multipliedBy(2); // a slow body must not hold the check for ever
            try (AutoCloseable stop = cancellation.onCancel(() -> exchange.cancel(true))) {
                return answer(uri, exchange.get(whole.toMillis(), TimeUnit.MILLISECONDS), at, viaProxy);
            } catch (TimeoutException e) {
                exchange.cancel(true);
                LocalText why = reason("fetch.noCompleteAnswer", uri.getHost(), seconds(whole));
                List<String> evidence = evidence(request(uri) + " -> no complete answer within " + whole + " at "
                        + at, viaProxy);
                return viaProxy.<PolicyFetch>map(p -> new PolicyFetch.ProxyFailed(p, why, evidence))
                        .orElseGet(() -> new PolicyFetch.Unreachable(why, evidence));
            } catch (ExecutionException e) {
                cancellation.throwIfCancelled(); // a cancelled exchange may end with an IOException
                return failure(uri, e.getCause(), timeout, at, viaProxy);
            } catch (java.util.concurrent.CancellationException e) {
                cancellation.throwIfCancelled();
                return new PolicyFetch.Unreachable(reason("fetch.aborted"),
                        evidence(request(uri) + " -> aborted at " + at, viaProxy));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (Exception e) { // closing the cancellation hook
                throw new IllegalStateException(e);
            }
        } finally {
            client.shutdownNow();
        }
    }

    /**
     * The HTTP proxy {@code selector} names for {@code uri}, as "host:port" (empty when it says to go direct): the
     * one the HTTP client tries first.
     */
    static Optional<String> httpProxy(ProxySelector selector, URI uri) {
        List<Proxy> proxies = selector.select(uri);
        if (proxies == null || proxies.isEmpty() || proxies.getFirst().type() != Proxy.Type.HTTP
                || !(proxies.getFirst().address() instanceof InetSocketAddress address)) {
            return Optional.empty();
        }
        return Optional.of(address.getHostString() + ":" + address.getPort());
    }

    /** The evidence of a fetch: its first line, then the proxy it went through, if any. */
    private static List<String> evidence(String first, Optional<String> viaProxy) {
        List<String> evidence = new ArrayList<>();
        evidence.add(first);
        viaProxy.ifPresent(p -> evidence.add(";; through the proxy " + p + " (this computer's proxy settings)"));
        return evidence;
    }

    private static PolicyFetch answer(URI uri, HttpResponse<Body> response, Instant at, Optional<String> viaProxy) {
        int status = response.statusCode();
        Optional<String> type = response.headers().firstValue("Content-Type");
        // none when the JDK hands back a proxy's refusal of CONNECT (a 407) as the response
        Body body = Optional.ofNullable(response.body()).orElseGet(() -> new Body(new byte[0], false));
        List<String> evidence = evidence(request(uri) + " -> HTTP " + status + ", Content-Type "
                + type.orElse("(none)") + ", " + (body.truncated() ? "more than " + MAX_BODY_BYTES
                : body.bytes().length) + " bytes"
                + response.sslSession().map(s -> ", " + s.getProtocol() + " " + s.getCipherSuite()).orElse("")
                + " at " + at, viaProxy);
        response.sslSession().flatMap(HttpsPolicySource::certificate).ifPresent(evidence::add);
        if (status == PROXY_AUTHENTICATION_REQUIRED && viaProxy.isPresent()) {
            return new PolicyFetch.ProxyFailed(viaProxy.get(), reason("fetch.proxyAuthentication", viaProxy.get()),
                    evidence);
        }
        if (status >= 300 && status < 400) {
            Optional<String> location = response.headers().firstValue("Location");
            location.ifPresent(l -> evidence.add(";; Location: " + l));
            return new PolicyFetch.Redirected(status, location, evidence);
        }
        if (status != 200) {
            return new PolicyFetch.WrongStatus(status, evidence);
        }
        if (!type.map(HttpsPolicySource::isTextPlain).orElse(false)) {
            return new PolicyFetch.WrongMediaType(type, evidence);
        }
        if (body.truncated()) {
            return new PolicyFetch.TooLarge(MAX_BODY_BYTES, evidence);
        }
        return new PolicyFetch.Retrieved(new String(body.bytes(), StandardCharsets.UTF_8), evidence);
    }

    /** {@code text/plain}, with or without parameters such as {@code charset=utf-8}, in any case. */
    static boolean isTextPlain(String contentType) {
        int semicolon = contentType.indexOf(';');
        String media = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return media.strip().toLowerCase(Locale.ROOT).equals("text/plain");
    }

    private static Optional<String> certificate(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate x) {
                return Optional.of(";; certificate: " + x.getSubjectX500Principal().getName() + ", valid until "
                        + x.getNotAfter().toInstant() + ", issued by " + x.getIssuerX500Principal().getName());
            }
        } catch (SSLPeerUnverifiedException e) {
            // no certificate to show
        }
        return Optional.empty();
    }

    /**
     * Through a proxy of this computer's settings ({@code viaProxy}), every failure but a TLS one is the proxy's as
     * far as MailPath can tell: it refused or was not reached, or it could not or would not connect to the policy
     * host (the JDK reports the proxy's answer to CONNECT as "Tunnel failed"). A TLS failure is end to end with the
     * policy host (the tunnel carries the handshake), unless the proxy intercepts TLS: the evidence names the proxy.
     */
    static PolicyFetch failure(URI uri, Throwable error, Duration timeout, Instant at, Optional<String> viaProxy) {
        LOG.log(System.Logger.Level.DEBUG, "MTA-STS policy fetch " + uri + " failed", error);
        List<String> evidence = evidence(request(uri) + " -> " + describe(error) + " at " + at, viaProxy);
        int first = evidence.size();
        for (Throwable c = error.getCause(); c != null && evidence.size() < first + 3; c = c.getCause()) {
            evidence.add(";;   caused by " + describe(c));
        }
        String host = uri.getHost();
        if (find(error, SSLException.class).isPresent()) {
            return new PolicyFetch.TlsFailed(tlsReason(error, host), evidence);
        }
        if (viaProxy.isPresent()) {
            return new PolicyFetch.ProxyFailed(viaProxy.get(), reason("fetch.throughProxy", viaProxy.get(), host,
                    describe(error)), evidence);
        }
        if (find(error, HttpConnectTimeoutException.class).isPresent()) {
            return new PolicyFetch.Unreachable(reason("fetch.connectTimeout", host, seconds(timeout)), evidence);
        }
        if (find(error, HttpTimeoutException.class).isPresent()) {
            return new PolicyFetch.Unreachable(reason("fetch.noAnswer", host, seconds(timeout)), evidence);
        }
        if (find(error, UnresolvedAddressException.class).isPresent()
                || find(error, UnknownHostException.class).isPresent()) {
            return new PolicyFetch.HostNotFound(host, evidence);
        }
        if (find(error, ConnectException.class).isPresent()) {
            return new PolicyFetch.Unreachable(reason("fetch.refused", host), evidence);
        }
        return new PolicyFetch.Unreachable(reason("fetch.failed", host, describe(error)), evidence);
    }

    /** Why the handshake failed, in words; the exception itself is in the evidence. */
    static LocalText tlsReason(Throwable error, String host) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof CertificateExpiredException) {
                return reason("tls.expired", host);
            }
            if (c instanceof CertificateNotYetValidException) {
                return reason("tls.notYetValid", host);
            }
            String m = String.valueOf(c.getMessage());
            if (m.contains("No subject alternative") || m.contains("No name matching")) {
                return reason("tls.wrongName", host);
            }
            if (m.contains("PKIX path") || m.contains("certification path")) {
                return reason("tls.untrusted", host);
            }
        }
        return reason("tls.failed", host, describe(error));
    }

    /** Why the fetch failed, {@code phrase.<key>}: our words in the user's language, names and errors as they are. */
    private static LocalText reason(String key, Object... args) {
        return MtaStsCheck.TEXTS.text("phrase." + key, args);
    }

    private static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String request(URI uri) {
        return ";; GET " + uri;
    }

    private static LocalText seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? reason("seconds", d.toSeconds()) : reason("millis", d.toMillis());
    }

    /** At most the limit of the body's bytes, and whether there were more. */
    record Body(byte[] bytes, boolean truncated) {
    }

    /**
     * Reads a body up to {@code limit} bytes and stops the transfer beyond it: a policy host must not be able to make
     * MailPath read (or hold) more than that.
     */
    static final class CappedBodySubscriber implements HttpResponse.BodySubscriber<Body> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBodySubscriber(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int room = limit + 1 - bytes.size();
                byte[] chunk = new byte[Math.min(room, item.remaining())];
                item.get(chunk);
                bytes.write(chunk, 0, chunk.length);
                if (bytes.size() > limit) {
                    subscription.cancel();
                    result.complete(new Body(java.util.Arrays.copyOf(bytes.toByteArray(), limit), true));
                    return;
                }
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(new Body(bytes.toByteArray(), false));
        }
    }
}
