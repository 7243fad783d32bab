package kr.outage.compensation.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What one service needs from another, written down by the consumer in
 * {@code contracts/<provider>/<consumer>.json}: requests it makes and what it reads from the answers.
 * The provider's build replays every interaction against the real provider; the consumer's build
 * holds its own stub to the same file, so a stub cannot promise what the provider does not do.
 *
 * <p>In an expected body, a string starting with {@code @} is a type ({@code @string}, {@code @uuid},
 * {@code @date-time}, {@code @integer}, {@code @boolean}, alternatives joined with {@code |}, e.g.
 * {@code @date-time|null}); any other value must be equal. An expected object lists the members the
 * consumer reads (others may come too); an expected array with one element is the shape of every
 * element and asks for at least one, an empty one asks for none.
 */
public record ConsumerContract(String consumer, String provider, List<Interaction> interactions) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Interaction(String description, String method, String path, Map<String, String> query, int status,
                              JsonNode body) {

        /** The path and query with {name} placeholders replaced by the ids of this side's fixtures. */
        public String target(Map<String, String> ids) {
            String target = path;
            for (Map.Entry<String, String> id : ids.entrySet()) {
                target = target.replace("{" + id.getKey() + "}", id.getValue());
            }
            StringBuilder query = new StringBuilder();
            for (Map.Entry<String, String> parameter : this.query.entrySet()) {
                query.append(query.isEmpty() ? '?' : '&').append(parameter.getKey()).append('=')
                        .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            }
            return target + query;
        }

        /** Why the answer does not satisfy the consumer; empty when it does. */
        public List<String> mismatches(int actualStatus, String actualBody) {
            List<String> found = new ArrayList<>();
            if (actualStatus != status) {
                found.add("status " + actualStatus + ", expected " + status);
                return found;
            }
            if (body != null && !body.isNull()) {
                try {
                    compare(body, JSON.readTree(actualBody), "body", found);
                } catch (IOException e) {
                    found.add("body is not JSON: " + e.getMessage());
                }
            }
            return found;
        }
    }

    /** Every contract the consumers of {@code provider} wrote, from the repository's contracts/ directory. */
    public static List<ConsumerContract> of(String provider) {
        Path directory = contractsDirectory().resolve(provider);
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(ConsumerContract::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No contracts for " + provider + " in " + directory, e);
        }
    }

    /** The contract {@code consumer} wrote for {@code provider}. */
    public static ConsumerContract between(String consumer, String provider) {
        return read(contractsDirectory().resolve(provider).resolve(consumer + ".json"));
    }

    /**
     * Asks a consumer's stub every interaction of this contract; answers what the stub says that the
     * contract (and so the provider) does not, including an answer the consumer's client cannot read
     * as {@code readAs} gives it.
     */
    public List<String> askStub(String stubUrl, Map<String, String> ids, Function<Interaction, Class<?>> readAs,
                                ObjectMapper client) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<String> broken = new ArrayList<>();
        for (Interaction interaction : interactions) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(stubUrl + interaction.target(ids)))
                    .method(interaction.method(), HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            interaction.mismatches(answer.statusCode(), answer.body())
                    .forEach(mismatch -> broken.add(interaction.description() + ": " + mismatch));
            if (answer.statusCode() == 200) {
                try {
                    client.readValue(answer.body(), readAs.apply(interaction));
                } catch (IOException unreadable) {
                    broken.add(interaction.description() + ": the client cannot read it: " + unreadable.getMessage());
                }
            }
        }
        return broken;
    }

    private static Path contractsDirectory() {
        // tests run in the module's directory; the contracts live beside the modules
        return Path.of("..", "contracts");
    }

    private static ConsumerContract read(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<Interaction> interactions = new ArrayList<>();
            for (JsonNode i : root.path("interactions")) {
                JsonNode request = i.path("request");
                Map<String, String> query = new java.util.LinkedHashMap<>();
                request.path("query").fields().forEachRemaining(q -> query.put(q.getKey(), q.getValue().asText()));
                interactions.add(new Interaction(i.path("description").asText(), request.path("method").asText("GET"),
                        request.path("path").asText(), query, i.path("response").path("status").asInt(),
                        i.path("response").get("body")));
            }
            return new ConsumerContract(root.path("consumer").asText(), root.path("provider").asText(), interactions);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable contract " + file, e);
        }
    }

    private static void compare(JsonNode expected, JsonNode actual, String at, List<String> found) {
        if (expected.isTextual() && expected.asText().startsWith("@")) {
            for (String type : expected.asText().substring(1).split("\\|")) {
                if (isA(type, actual)) {
                    return;
                }
            }
            found.add(at + " is " + actual + ", expected " + expected.asText());
        } else if (expected.isObject()) {
            if (!actual.isObject()) {
                found.add(at + " is " + actual.getNodeType() + ", expected an object");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> members = expected.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                if (!actual.has(member.getKey())) {
                    found.add(at + "." + member.getKey() + " is missing");
                } else {
                    compare(member.getValue(), actual.get(member.getKey()), at + "." + member.getKey(), found);
                }
            }
        } else if (expected.isArray()) {
            if (!actual.isArray()) {
                found.add(at + " is " + actual.getNodeType() + ", expected an array");
            } else if (expected.isEmpty() && !actual.isEmpty()) {
                found.add(at + " has " + actual.size() + " elements, expected none");
            } else if (!expected.isEmpty() && actual.isEmpty()) {
                found.add(at + " is empty, expected at least one element");
            } else if (!expected.isEmpty()) {
                for (int i = 0; i < actual.size(); i++) {
                    compare(expected.get(0), actual.get(i), at + "[" + i + "]", found);
                }
            }
        } else if (!expected.equals(actual)) {
            found.add(at + " is " + actual + ", expected " + expected);
        }
    }

    private static boolean isA(String type, JsonNode value) {
        return switch (type) {
            case "null" -> value.isNull();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "uuid" -> value.isTextual() && parses(() -> UUID.fromString(value.asText()));
            case "date-time" -> value.isTextual() && parses(() -> OffsetDateTime.parse(value.asText()));
            default -> throw new IllegalArgumentException("Unknown type @" + type + " in a contract");
        };
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
    }
}
