package kr.outage.compensation.platform.testing;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service must do with requests that break HTTP itself rather than an operation's rules:
 * answer with a problem+json 4xx (never an empty body, never a 5xx) and store nothing. Each service
 * runs these against its own running instance by extending this class with {@code @QuarkusTest}.
 * Raw sockets and the JDK client are used where REST Assured would repair the request.
 */
public abstract class HostileTransportChecks {

    static final String PROBLEMS = "https://compensation-suite.example/problems/";

    /** HTTP/1.1 as most clients send it; the JDK client would otherwise ask to upgrade to HTTP/2 (h2c). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String jsonOperation;
    private final Supplier<String> token;
    private final Supplier<Map<String, Long>> rowCounts;
    private Map<String, Long> before;

    /**
     * @param jsonOperation an operation that takes a JSON body
     * @param token         a token allowed to call it
     * @param rowCounts     the service's tables and their row counts, to show that nothing was stored
     */
    protected HostileTransportChecks(String jsonOperation, Supplier<String> token, Supplier<Map<String, Long>> rowCounts) {
        this.jsonOperation = jsonOperation;
        this.token = token;
        this.rowCounts = rowCounts;
    }

    /** A resource that answers GET (and only the methods it declares). */
    protected abstract String readableResource();

    private String jsonOperation() {
        return jsonOperation;
    }

    private String token() {
        return token.get();
    }

    private Map<String, Long> rowCounts() {
        return rowCounts.get();
    }

    /** Whatever {@link #readableResource()} needs to exist; runs before the rows are counted. */
    protected void prepare() {
    }

    @BeforeEach
    void prepareAndCountRows() {
        prepare();
        before = rowCounts();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIsAProblemNotAnEmpty413() throws IOException {
        String head = "POST " + jsonOperation() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
                + "\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n";
        String answer = rawExchange(head);
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        assertThat(answer).contains(PROBLEMS + "payload-too-large");
    }

    /**
     * A client that sends its whole over-long body before reading (as the JDK client does) must still
     * get the 413: closing the connection under a body still arriving resets it and loses the answer.
     * The body declared is one byte over the service's limit; up to 11 MB of it is sent (all of it
     * where the limit is 10 MB, part where it is larger: the service then stops waiting for the rest).
     */
    @Test
    void aClientStillSendingAnOverLongBodyGetsThe413() throws Exception {
        long declared = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.limits.max-body-size", io.quarkus.runtime.configuration.MemorySize.class).asLongValue() + 1;
        long sending = Math.min(declared, 11L * 1024 * 1024);
        String head = "POST " + jsonOperation() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + declared + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (long sent = 0; sent < sending; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, sending - sent)); // a reset would fail this write
            }
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).containsIgnoringCase("connection: close");
            assertThat(answer).contains(PROBLEMS + "payload-too-large");
        }
    }

    @Test
    void anOverLongUriIsAProblemNotAnEmpty414() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(readableResource() + "?q=" + "a".repeat(20_000))).GET());
        assertProblem(answer, 414, "uri-too-long");
    }

    @Test
    void aBodyWithoutContentTypeIs415() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(jsonOperation()))
                .header("Authorization", "Bearer " + token())
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertProblem(answer, 415, "unsupported-media-type");
    }

    @Test
    void traceIsRefusedWithTheAllowedMethods() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(readableResource()))
                .header("Authorization", "Bearer " + token())
                .method("TRACE", HttpRequest.BodyPublishers.noBody()));
        assertProblem(answer, 405, "method-not-allowed");
        assertThat(answer.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void optionsAdvertisesOnlyWhatTheResourceAnswers() throws Exception {
        HttpResponse<String> options = send(HttpRequest.newBuilder(uri(readableResource()))
                .header("Authorization", "Bearer " + token())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(options.statusCode()).isLessThan(300);
        for (String method : options.headers().firstValue("Allow").orElse("").split("\\s*,\\s*")) {
            if (method.isBlank() || method.equals("OPTIONS") || method.equals("HEAD")) {
                continue;
            }
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(readableResource()))
                    .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(answer.statusCode()).as("%s %s, advertised by OPTIONS", method, readableResource()).isNotEqualTo(405);
        }
    }

    @Test
    void aControlCharacterInTheQueryIsRefusedBeforeAnyOperation() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(readableResource() + "?service=a%00b"))
                .header("Authorization", "Bearer " + token()).GET());
        assertProblem(answer, 400, "invalid-parameter");
        assertThat(answer.body()).contains("\"field\":\"service\"");
    }

    @Test
    void aControlCharacterInThePathIsRefusedBeforeAnyOperation() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(readableResource() + "%00"))
                .header("Authorization", "Bearer " + token()).GET());
        assertProblem(answer, 400, "invalid-parameter");
    }

    protected static void assertProblem(HttpResponse<String> answer, int status, String type) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"type\":\"" + PROBLEMS + type + "\"");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + RestAssured.port + pathAndQuery);
    }

    /** Sends the bytes as they are and reads the whole answer (the service closes the connection). */
    private static String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
