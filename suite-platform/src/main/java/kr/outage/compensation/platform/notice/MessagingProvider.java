package kr.outage.compensation.platform.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.platform.http.RetryAfter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * SMS and KakaoTalk business messages through a messaging provider's HTTP API (the gateway the
 * operator contracts with; Korean providers take a registered template's code and its variables, since
 * KakaoTalk business messages may only be sent from an approved template). One request per notice:
 * <pre>POST {url}   Authorization: Bearer {key}   Idempotency-Key: {notice code}
 * {"reference", "recipient" (E.164), "templateCode", "language", "variables": {"code", "source", "text"}}</pre>
 * What the answers mean: 2xx taken; 409 the reference was already taken (an earlier attempt whose answer
 * was lost: taken, not sent twice); 429 and 503 slow down, honouring Retry-After; 400 and 422 this
 * recipient or message is refused for good (the provider's {@code error} says why); 401, 403 and other
 * answers are the deployment's problem, not the person's: the notice waits.
 */
@ApplicationScoped
public class MessagingProvider implements NoticeChannel {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "suite.notices.message.url")
    Optional<String> url;
    @ConfigProperty(name = "suite.notices.message.api-key-file")
    Optional<String> apiKeyFile;
    @ConfigProperty(name = "suite.notices.message.template-code", defaultValue = "COMPENSATION_NOTICE")
    String templateCode;
    @ConfigProperty(name = "suite.notices.message.per-second", defaultValue = "1000")
    double perSecond;
    @ConfigProperty(name = "suite.notices.timeout", defaultValue = "PT10S")
    Duration timeout;
    /** How long a notice waits after the provider could not be reached or its answer was lost. */
    @ConfigProperty(name = "suite.notices.retry-after-failure", defaultValue = "PT30S")
    Duration retryAfterFailure;
    @Inject
    Clock clock;

    private HttpClient http;
    private ChannelPace pace;
    private String apiKey;

    @PostConstruct
    void init() {
        pace = new ChannelPace(perSecond);
        http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        apiKey = apiKeyFile.filter(f -> !f.isBlank()).map(f -> {
            try {
                return Files.readString(Path.of(f)).strip();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the messaging provider's key file " + f, e);
            }
        }).orElse(null);
    }

    @Override
    public Kind kind() {
        return Kind.MESSAGE;
    }

    @Override
    public boolean configured() {
        return url.filter(u -> !u.isBlank()).isPresent() && apiKey != null;
    }

    @Override
    public boolean takesResendsOnce() {
        return true;
    }

    @Override
    public Delivery send(Outgoing notice) throws InterruptedException {
        pace.acquire();
        ObjectNode body = JSON.createObjectNode().put("reference", notice.reference()).put("recipient", notice.recipient())
                .put("templateCode", templateCode).put("language", notice.language());
        body.putObject("variables").put("code", notice.reference()).put("source", notice.source()).put("text", notice.text());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.orElseThrow())).timeout(timeout)
                .header("Authorization", "Bearer " + apiKey).header("Idempotency-Key", notice.reference())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Delivery.later(retryAfterFailure, "messaging provider unreachable: " + e.getClass().getSimpleName());
        }
        int status = response.statusCode();
        // 409: this reference was taken before (an attempt whose answer was lost): taken, not sent twice
        if (status / 100 == 2 || status == 409) {
            return new Delivery.Accepted(field(response.body(), "messageId"));
        }
        if (status == 429 || status == 503) {
            Duration after = RetryAfter.fromHttp(response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                    .orElse(Duration.ofSeconds(10));
            pace.pause(after);
            return Delivery.later(after, "messaging provider asked to slow down (" + status + ")");
        }
        if (status == 400 || status == 422) {
            String code = Optional.ofNullable(field(response.body(), "error")).orElse("HTTP_" + status);
            return new Delivery.Refused(code, "messaging provider refused the message: " + code);
        }
        return Delivery.later(Duration.ofMinutes(1), "messaging provider answered " + status + " (check its URL and key)");
    }

    private static String field(String body, String name) {
        try {
            JsonNode node = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : value.asText();
        } catch (IOException notJson) {
            return null;
        }
    }
}
