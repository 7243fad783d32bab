package kr.outage.compensation.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input generated from the service's own published OpenAPI: for every operation, requests
 * whose bodies, path and query parameters are random and boundary values of the documented types,
 * values of the wrong type, huge and empty strings, control characters, deep nesting and nulls.
 * Whatever comes in, the service must answer below 500, with a problem+json body for every refusal,
 * and a refused request must change no row.
 *
 * <p>Seeded, so a failure names the seed that reproduces it ({@code -Dfuzz.seed=...}); bounded by
 * {@code -Dfuzz.requests} (per service, default {@value #DEFAULT_REQUESTS}) so it fits in CI. Each
 * service extends this with {@code @QuarkusTest}, a token with every role and its tables' fingerprint.
 */
public abstract class HostileInputFuzz {

    static final int DEFAULT_REQUESTS = 1500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NASTY_TEXT = {"", " ", "\u0000", "a\u0000b", "\u001b[31m", "\u202e", "\ud800",
            "'; drop table x; --", "%00", "../../etc/passwd", "{{7*7}}", "<script>", "\uFEFF", "null", "true", "-1",
            "1e309", "9223372036854775808", "2022-02-30T25:61:00+09:00", "0000-00-00", "NaN", "x".repeat(70_000)};

    private final String token;
    private final Supplier<String> fingerprint;

    /**
     * @param roles       every role the service knows, so refusals come from the input and not from security
     * @param fingerprint a fingerprint of every table the service writes
     */
    protected HostileInputFuzz(List<String> roles, Supplier<String> fingerprint) {
        this.token = Tokens.withRoles("fuzz@example.com", roles.toArray(String[]::new));
        this.fingerprint = fingerprint;
    }

    /**
     * Waits until work an earlier accepted request started in the background has finished, so the
     * rows a refused request must leave alone are not moving for another reason.
     */
    protected void settle() {
    }

    /**
     * Requests per run when {@code -Dfuzz.requests} is not given. A service whose fingerprint is costly
     * may take fewer; the seed changes every run, so CI runs together still cover more ground.
     */
    protected int defaultRequests() {
        return DEFAULT_REQUESTS;
    }

    /** Values to put in path parameters, so some requests reach existing things; random ones are added. */
    protected abstract List<String> knownIds();

    private String token() {
        return token;
    }

    private String fingerprint() {
        return fingerprint.get();
    }

    @Test
    void noInputEverEndsInAServerError() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int budget = Integer.getInteger("fuzz.requests", defaultRequests());
        Random random = new Random(seed);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        JsonNode spec = JSON.readTree(http.send(HttpRequest.newBuilder(uri("/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<Map.Entry<String, Map.Entry<String, JsonNode>>> operations = operations(spec);
        int refused = 0;
        int accepted = 0;
        for (int i = 0; i < budget; i++) {
            var operation = operations.get(i % operations.size());
            String method = operation.getValue().getKey().toUpperCase(Locale.ROOT);
            JsonNode op = operation.getValue().getValue();
            String target = fillPath(operation.getKey(), op, random) + query(op, random);
            String body = op.has("requestBody") ? body(spec, op, random) : null;
            String contentType = contentType(op, random);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(target)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token())
                    .header("Idempotency-Key", "fuzz-" + random.nextInt(50));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            settle();
            String before = fingerprint();
            String what = "seed " + seed + ", request " + i + ": " + method + " " + abbreviate(target) + " body " + abbreviate(body);
            HttpResponse<String> answer;
            try {
                answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException noAnswer) {
                throw new AssertionError(what + " got no answer: " + noAnswer.getMessage(), noAnswer);
            }
            assertThat(answer.statusCode()).as(what + " answered " + abbreviate(answer.body())).isLessThan(500);
            if (answer.statusCode() >= 400) {
                refused++;
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
                assertThat(fingerprint()).as(what + " was refused but changed rows").isEqualTo(before);
            } else {
                accepted++;
            }
        }
        String report = String.format("%s: %d hostile requests (seed %d) over %d operations: %d refused with a problem, "
                + "%d accepted, 0 server errors%n", getClass().getSimpleName(), budget, seed, operations.size(), refused, accepted);
        System.out.print(report);
        Path file = Path.of("target", "hostile-input-report.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    private static List<Map.Entry<String, Map.Entry<String, JsonNode>>> operations(JsonNode spec) {
        List<Map.Entry<String, Map.Entry<String, JsonNode>>> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                operations.add(Map.entry(path.getKey(), methods.next()));
            }
        }
        return operations;
    }

    private String fillPath(String template, JsonNode op, Random random) {
        StringBuilder path = new StringBuilder();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                break;
            }
            int close = template.indexOf('}', open);
            path.append(template, at, open);
            List<String> ids = knownIds();
            String value = !ids.isEmpty() && random.nextInt(3) > 0 ? ids.get(random.nextInt(ids.size())) : textValue(random);
            path.append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            at = close + 1;
        }
        return path.append(template.substring(at)).toString();
    }

    private static String query(JsonNode op, Random random) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : op.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText()) || random.nextInt(3) == 0) {
                continue;
            }
            JsonNode value = value(parameter.path("schema"), null, random, 0);
            String text = value.isTextual() ? value.asText() : value.toString();
            query.append(query.isEmpty() ? '?' : '&').append(parameter.path("name").asText()).append('=')
                    .append(URLEncoder.encode(abbreviateValue(text), StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private static String contentType(JsonNode op, Random random) {
        JsonNode content = op.path("requestBody").path("content");
        if (content.isMissingNode() || random.nextInt(20) == 0) {
            return random.nextBoolean() ? null : "text/plain";
        }
        return content.fieldNames().hasNext() ? content.fieldNames().next() : "application/json";
    }

    private static String body(JsonNode spec, JsonNode op, Random random) {
        JsonNode content = op.path("requestBody").path("content");
        JsonNode schema = content.path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return random.nextBoolean() ? "x,y\n\u0000,1\n" : textValue(random);
        }
        switch (random.nextInt(12)) {
            case 0:
                return "{";
            case 1:
                return "[".repeat(5000) + "]".repeat(5000);
            case 2:
                return "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001);
            default:
                return value(schema, spec, random, 0).toString();
        }
    }

    /** A value of the schema's type most of the time, a hostile one of any type otherwise. */
    private static JsonNode value(JsonNode schema, JsonNode spec, Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema.has("$ref") && spec != null) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return value(spec.path("components").path("schemas").path(name), spec, random, depth + 1);
        }
        if (schema.has("anyOf")) {
            JsonNode choices = schema.get("anyOf");
            return value(choices.get(random.nextInt(choices.size())), spec, random, depth);
        }
        if (random.nextInt(6) == 0 || depth > 6) {
            return hostile(random);
        }
        if (schema.has("enum") && random.nextInt(4) > 0) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("object");
        switch (type) {
            case "string":
                if ("date-time".equals(schema.path("format").asText()) && random.nextBoolean()) {
                    return nodes.textNode("2022-10-1" + random.nextInt(10) + "T1" + random.nextInt(10) + ":19:00+09:00");
                }
                if ("uuid".equals(schema.path("format").asText()) && random.nextBoolean()) {
                    return nodes.textNode(java.util.UUID.randomUUID().toString());
                }
                return nodes.textNode(textValue(random));
            case "integer":
            case "number":
                long[] edges = {0, -1, 1, 3, 1500, 300_000, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
                return nodes.numberNode(edges[random.nextInt(edges.length)]);
            case "boolean":
                return nodes.booleanNode(random.nextBoolean());
            case "array":
                ArrayNode array = nodes.arrayNode();
                int size = random.nextInt(10) == 0 ? 300 : random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(value(schema.path("items"), spec, random, depth + 1));
                }
                return array;
            default:
                ObjectNode object = nodes.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    if (random.nextInt(8) > 0) {
                        object.set(property.getKey(), value(property.getValue(), spec, random, depth + 1));
                    }
                }
                if (random.nextInt(10) == 0) {
                    object.put("unexpected" + random.nextInt(3), textValue(random));
                }
                return object;
        }
    }

    private static JsonNode hostile(Random random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(7)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.numberNode(random.nextBoolean() ? 1.5 : -9e18);
            case 3 -> nodes.arrayNode().add(nodes.nullNode()).add(false);
            case 4 -> nodes.objectNode().put("\u0000", 1);
            default -> nodes.textNode(NASTY_TEXT[random.nextInt(NASTY_TEXT.length)]);
        };
    }

    private static String textValue(Random random) {
        if (random.nextBoolean()) {
            return NASTY_TEXT[random.nextInt(NASTY_TEXT.length)];
        }
        String[] plausible = {"melon", "kakaotalk", "user-00000001", "MELON-2022-1015", "taxi", "mobile", "approve", "paid"};
        return plausible[random.nextInt(plausible.length)];
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + RestAssured.port + pathAndQuery);
    }

    private static String abbreviateValue(String text) {
        return text.length() > 3000 ? text.substring(0, 3000) : text;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
