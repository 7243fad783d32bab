package kr.outage.compensation.entitlement.store;

import kr.outage.compensation.platform.http.RetryAfter;
import com.apple.itunes.storekit.client.BaseAppStoreServerAPIClient;
import com.apple.itunes.storekit.model.Environment;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Apple's App Store Server Library client (request models, ES256 token signing, error codes) over
 * the JDK's HTTP client, for two things the library's own transport does not offer: a base URL of
 * our choosing (a regional proxy, or a stub in tests) and a timeout on every request. The
 * {@code Retry-After} of the last answer on this thread is kept for the caller, since the library's
 * exception carries only status and error code.
 */
final class AppStoreHttpClient extends BaseAppStoreServerAPIClient {

    private static final ThreadLocal<Optional<Duration>> RETRY_AFTER = ThreadLocal.withInitial(Optional::empty);

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;

    AppStoreHttpClient(String signingKeyPem, String keyId, String issuerId, String bundleId, String baseUrl, Duration timeout) {
        super(signingKeyPem, keyId, issuerId, bundleId, Environment.PRODUCTION);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The Retry-After of the last answer this thread received, if it had one. */
    static Optional<Duration> lastRetryAfter() {
        return RETRY_AFTER.get();
    }

    @Override
    protected HttpResponseInterface makeRequest(String path, String method, Map<String, List<String>> queryParameters,
                                                Map<String, String> headers, String contentType, String body) throws IOException {
        RETRY_AFTER.set(Optional.empty());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path + query(queryParameters)))
                .timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        RETRY_AFTER.set(response.headers().firstValue("Retry-After").flatMap(h -> RetryAfter.fromApple(h, java.time.Instant.now())));
        String text = response.body();
        return new HttpResponseInterface() {
            @Override
            public int statusCode() {
                return response.statusCode();
            }

            @Override
            public Reader body() {
                return text == null || text.isEmpty() ? null : new StringReader(text);
            }

            @Override
            public void close() {
            }
        };
    }

    private static String query(Map<String, List<String>> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return "";
        }
        return "?" + parameters.entrySet().stream().flatMap(e -> e.getValue().stream()
                        .map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }
}
