import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A messaging provider and an SMTP server for the notice benchmark and crash test, run from source:
 *
 *     java bench/FakeMessaging.java HTTP_PORT SMTP_PORT DELAY_MILLIS LEDGER_DIR
 *
 * The provider behaves as entitlement-service's adapter expects (docs/operations.md, "Notices"):
 * POST /v1/messages with "Authorization: Bearer bench-provider-key" and an Idempotency-Key; a
 * reference is delivered once (202), a repeated one is answered 409 and not delivered again; no rate
 * limit. The SMTP server takes any mail (EHLO, MAIL, RCPT, DATA, QUIT). Each answers DELAY_MILLIS late.
 * Every delivery is appended to LEDGER_DIR/messages.log (the reference) and LEDGER_DIR/emails.log (the
 * Message-ID), so a script can count what arrived and whether anything arrived twice; GET /stats
 * answers the counts as JSON.
 */
public class FakeMessaging {

    private static final String KEY = "Bearer bench-provider-key";
    private static final Pattern RECIPIENT = Pattern.compile("\"recipient\"\\s*:\\s*\"([^\"]+)\"");
    private static final Set<String> DELIVERED = ConcurrentHashMap.newKeySet();
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final AtomicLong REPEATED = new AtomicLong();
    private static final AtomicLong EMAILS = new AtomicLong();
    private static long delayMillis;
    private static PrintWriter messagesLog;
    private static PrintWriter emailsLog;

    public static void main(String[] args) throws IOException {
        // answer at once: without TCP_NODELAY the JDK server's separate header and body writes wait on
        // the client's delayed ACK, about 40 ms a request, and the fake, not the service, sets the pace
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int httpPort = Integer.parseInt(args[0]);
        int smtpPort = Integer.parseInt(args[1]);
        delayMillis = Long.parseLong(args[2]);
        Path ledger = Path.of(args[3]);
        messagesLog = new PrintWriter(new BufferedWriter(new FileWriter(ledger.resolve("messages.log").toFile(), true)), true);
        emailsLog = new PrintWriter(new BufferedWriter(new FileWriter(ledger.resolve("emails.log").toFile(), true)), true);
        ServerSocket smtp = new ServerSocket(smtpPort, 200, InetAddress.getLoopbackAddress());
        var sessions = Executors.newCachedThreadPool();
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket socket = smtp.accept();
                    sessions.submit(() -> smtpSession(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 1024);
        http.createContext("/v1/messages", FakeMessaging::message);
        http.createContext("/stats", exchange -> answer(exchange, 200, "{\"messageRequests\": " + REQUESTS.get()
                + ", \"messagesDelivered\": " + DELIVERED.size() + ", \"messagesRepeated\": " + REPEATED.get()
                + ", \"emails\": " + EMAILS.get() + "}"));
        http.setExecutor(Executors.newFixedThreadPool(64));
        http.start();
    }

    private static void message(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            pause();
            if (!KEY.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"error\":\"UNAUTHORIZED\"}");
                return;
            }
            String reference = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            Matcher recipient = RECIPIENT.matcher(body);
            if (reference == null || !recipient.find()) {
                // also what a request cut off by its sender's death looks like
                answer(exchange, 400, "{\"error\":\"INVALID_REQUEST\"}");
                return;
            }
            REQUESTS.incrementAndGet();
            boolean first = DELIVERED.add(reference);
            if (first) {
                messagesLog.println(reference);
            } else {
                REPEATED.incrementAndGet();
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

    private static void smtpSession(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), false, StandardCharsets.UTF_8)) {
            reply(out, "220 fake-messaging ESMTP");
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 fake-messaging");
                } else if (command.startsWith("MAIL FROM:") || command.startsWith("RCPT TO:") || command.equals("RSET")
                        || command.equals("NOOP")) {
                    reply(out, "250 OK");
                } else if (command.equals("DATA")) {
                    reply(out, "354 end with .");
                    String messageId = "";
                    for (String data; (data = in.readLine()) != null && !data.equals("."); ) {
                        if (data.toLowerCase(Locale.ROOT).startsWith("message-id:")) {
                            messageId = data.substring(data.indexOf(':') + 1).strip();
                        }
                    }
                    pause();
                    EMAILS.incrementAndGet();
                    emailsLog.println(messageId);
                    reply(out, "250 OK queued");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
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

    private static void pause() {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
