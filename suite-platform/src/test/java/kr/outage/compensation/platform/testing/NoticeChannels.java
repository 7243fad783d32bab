package kr.outage.compensation.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The two channels notices go out through, real over the wire: an SMTP server in this process (it
 * speaks enough SMTP for any client: EHLO, MAIL, RCPT, DATA, QUIT; no TLS, no auth) and a messaging
 * provider over HTTP behaving as the adapter's contract says: it takes a reference once (a second
 * request with the same Idempotency-Key is answered 409 and not delivered again), answers 401 to a
 * wrong key, 422 with an error code to a number it cannot reach, and 429 with Retry-After when told to.
 */
public class NoticeChannels implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-provider-key";

    /** A message the provider delivered (one per reference), with what it was asked. */
    public record Message(String reference, String recipient, String templateCode, String language, String text) {
    }

    /** An e-mail the SMTP server took. */
    public record Email(String from, List<String> to, String data) {
    }

    public static final Queue<Message> DELIVERED = new ConcurrentLinkedQueue<>();
    public static final Map<String, Integer> REQUESTS_PER_REFERENCE = new ConcurrentHashMap<>();
    public static final Queue<Email> EMAILS = new ConcurrentLinkedQueue<>();
    /** Numbers the provider refuses with 422 and this error code. */
    public static final Map<String, String> UNREACHABLE = new ConcurrentHashMap<>();
    /** Answers 429 with this Retry-After (seconds) to the next this-many requests. */
    public static volatile int slowDownNext;
    public static volatile int slowDownSeconds = 1;
    /** Takes the next this-many messages and then drops the connection without an answer (a lost answer). */
    public static volatile int loseAnswerNext;
    /** Addresses the SMTP server refuses with 550. */
    public static final List<String> NO_SUCH_MAILBOX = Collections.synchronizedList(new ArrayList<>());

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer provider;
    private ServerSocket smtp;
    private ExecutorService smtpSessions;

    public static void reset() {
        DELIVERED.clear();
        REQUESTS_PER_REFERENCE.clear();
        EMAILS.clear();
        UNREACHABLE.clear();
        NO_SUCH_MAILBOX.clear();
        slowDownNext = 0;
        loseAnswerNext = 0;
    }

    @Override
    public Map<String, String> start() {
        try {
            provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            provider.createContext("/v1/messages", NoticeChannels::message);
            provider.setExecutor(Executors.newFixedThreadPool(8));
            provider.start();
            smtp = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            smtpSessions = Executors.newCachedThreadPool();
            smtpSessions.submit(this::acceptSmtp);
            Path key = Files.createTempFile("provider-key", ".txt");
            Files.writeString(key, API_KEY);
            return Map.of("suite.notices.message.url", "http://127.0.0.1:" + provider.getAddress().getPort() + "/v1/messages",
                    "suite.notices.message.api-key-file", key.toString(),
                    "suite.notices.email.enabled", "true",
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", Integer.toString(smtp.getLocalPort()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        provider.stop(0);
        try {
            smtp.close();
        } catch (IOException ignored) {
            // closing
        }
        smtpSessions.shutdownNow();
    }

    private static void message(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"error\":\"UNAUTHORIZED\"}");
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String reference = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            REQUESTS_PER_REFERENCE.merge(reference, 1, Integer::sum);
            synchronized (NoticeChannels.class) {
                if (slowDownNext > 0) {
                    slowDownNext--;
                    exchange.getResponseHeaders().add("Retry-After", Integer.toString(slowDownSeconds));
                    answer(exchange, 429, "{\"error\":\"RATE_LIMITED\"}");
                    return;
                }
            }
            String recipient = body.path("recipient").asText();
            if (UNREACHABLE.containsKey(recipient)) {
                answer(exchange, 422, "{\"error\":\"" + UNREACHABLE.get(recipient) + "\"}");
                return;
            }
            boolean first;
            synchronized (DELIVERED) {
                first = DELIVERED.stream().noneMatch(m -> m.reference().equals(reference));
                if (first) {
                    DELIVERED.add(new Message(reference, recipient, body.path("templateCode").asText(), body.path("language").asText(),
                            body.path("variables").path("text").asText()));
                }
            }
            synchronized (NoticeChannels.class) {
                if (loseAnswerNext > 0) {
                    loseAnswerNext--;
                    // taken, but the answer never reaches the caller
                    exchange.close();
                    throw new IOException("answer lost on purpose");
                }
            }
            answer(exchange, first ? 202 : 409, "{\"messageId\":\"m-" + reference + "\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void acceptSmtp() {
        while (!smtp.isClosed()) {
            try {
                Socket socket = smtp.accept();
                smtpSessions.submit(() -> smtpSession(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** One SMTP session, as RFC 5321 has it, without extensions. */
    private static void smtpSession(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
            reply(out, "220 notices-test ESMTP");
            String from = null;
            List<String> to = new ArrayList<>();
            for (String line; (line = in.readLine()) != null; ) {
                String upper = line.toUpperCase(java.util.Locale.ROOT);
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    reply(out, "250 notices-test");
                } else if (upper.startsWith("MAIL FROM:")) {
                    from = line.substring(10).trim();
                    to = new ArrayList<>();
                    reply(out, "250 OK");
                } else if (upper.startsWith("RCPT TO:")) {
                    String address = line.substring(8).trim().replaceAll("[<>]", "");
                    if (NO_SUCH_MAILBOX.contains(address)) {
                        reply(out, "550 5.1.1 no such mailbox");
                    } else {
                        to.add(address);
                        reply(out, "250 OK");
                    }
                } else if (upper.equals("DATA")) {
                    reply(out, "354 end with .");
                    StringBuilder data = new StringBuilder();
                    for (String d; (d = in.readLine()) != null && !d.equals("."); ) {
                        data.append(d.startsWith("..") ? d.substring(1) : d).append('\n');
                    }
                    EMAILS.add(new Email(from, List.copyOf(to), data.toString()));
                    reply(out, "250 OK queued");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else if (upper.equals("RSET") || upper.equals("NOOP")) {
                    reply(out, "250 OK");
                } else {
                    reply(out, "502 not implemented");
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }
}
