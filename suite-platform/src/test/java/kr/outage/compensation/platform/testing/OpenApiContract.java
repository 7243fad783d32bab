package kr.outage.compensation.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import kr.outage.compensation.platform.http.PathTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks every REST Assured exchange of a service's tests against the OpenAPI the service itself
 * publishes at {@code /q/openapi}: the operation exists, the status is documented (or covered by
 * {@code default}), the media type is the documented one, and the JSON body matches the documented
 * schema (nulls, enums, formats, required members). A request body the service accepted (2xx) must
 * match the documented request schema too. A divergence fails the test that made the call, so the
 * contract cannot drift from what the service does.
 *
 * <p>Only the JSON API ({@code /api/...}) is the contract; pages and {@code /q/} endpoints are not.
 */
public final class OpenApiContract implements Filter {

    public static final OpenApiContract INSTANCE = new OpenApiContract();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");

    private final Map<Integer, Spec> specs = new ConcurrentHashMap<>();

    private OpenApiContract() {
    }

    private record Operation(String template, Pattern path, String method, JsonNode node, int literals) {
    }

    private record Spec(JsonNode document, List<Operation> operations, Map<String, JsonSchema> compiled) {
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
                           FilterContext context) {
        Response response = context.next(request, expected);
        String path = URI.create(request.getURI()).getRawPath();
        if (path.startsWith("/api/")) {
            List<String> broken = check(spec(request.getPort()), request, path, response);
            if (!broken.isEmpty()) {
                throw new AssertionError(request.getMethod() + " " + path + " answered " + response.getStatusCode()
                        + " in a way its published OpenAPI does not describe:\n  - " + String.join("\n  - ", broken)
                        + "\nbody: " + abbreviate(response.asString()));
            }
        }
        return response;
    }

    private List<String> check(Spec spec, FilterableRequestSpecification request, String path, Response response) {
        List<String> broken = new ArrayList<>();
        String method = request.getMethod().toLowerCase(Locale.ROOT);
        int status = response.getStatusCode();
        Operation operation = spec.operations().stream()
                .filter(o -> o.method().equals(method) && o.path().matcher(path).matches())
                .max(Comparator.comparingInt(Operation::literals)).orElse(null);
        if (operation == null) {
            boolean pathKnown = spec.operations().stream().anyMatch(o -> o.path().matcher(path).matches());
            if (status != 404 && status != 405 && !(pathKnown && status == 400)) {
                broken.add("no operation " + method.toUpperCase(Locale.ROOT) + " " + path + " is published");
            }
            return broken;
        }
        JsonNode responses = operation.node().path("responses");
        JsonNode documented = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status)) : responses.get("default");
        if (documented == null) {
            broken.add("status " + status + " is not documented for " + operation.method().toUpperCase(Locale.ROOT) + " " + operation.template());
            return broken;
        }
        String body = response.asString();
        JsonNode content = documented.path("content");
        if (body == null || body.isEmpty()) {
            if (content.size() > 0 && status != 204) {
                broken.add("the body is empty but " + status + " documents " + fieldNames(content));
            }
        } else if (content.size() == 0) {
            broken.add("status " + status + " documents no body, but one came");
        } else {
            String mediaType = mediaType(response.getContentType());
            JsonNode described = content.has(mediaType) ? content.get(mediaType) : content.get("*/*");
            if (described == null) {
                broken.add("media type " + mediaType + " is not documented for " + status + " (documented: " + fieldNames(content) + ")");
            } else if (isJson(mediaType) && described.has("schema")) {
                broken.addAll(validate(spec, described.get("schema"), body, "response"));
            }
        }
        if (status / 100 == 2 && request.getBody() != null) {
            String sent = request.getBody() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf((Object) request.getBody());
            String sentType = mediaType(request.getContentType());
            JsonNode requestContent = operation.node().path("requestBody").path("content");
            if (requestContent.size() == 0) {
                broken.add("a body was accepted, but the operation documents none");
            } else if (!requestContent.has(sentType)) {
                broken.add("a " + sentType + " body was accepted, but the operation documents " + fieldNames(requestContent));
            } else if (isJson(sentType) && requestContent.get(sentType).has("schema")) {
                broken.addAll(validate(spec, requestContent.get(sentType).get("schema"), sent, "request"));
            }
        }
        return broken;
    }

    private static List<String> validate(Spec spec, JsonNode schemaNode, String body, String which) {
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException e) {
            return List.of("the " + which + " body is not JSON: " + e.getMessage());
        }
        JsonSchema schema = spec.compiled().computeIfAbsent(schemaNode.toString(), key -> {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("components", spec.document().path("components"));
            schemaNode.fields().forEachRemaining(field -> root.set(field.getKey(), field.getValue()));
            return SCHEMAS.getSchema(root, STRICT);
        });
        Set<ValidationMessage> messages = schema.validate(value);
        return messages.stream().map(m -> "the " + which + " body breaks its schema: " + m.getMessage()).sorted().toList();
    }

    private Spec spec(int port) {
        return specs.computeIfAbsent(port, p -> {
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + p + "/q/openapi?format=json")).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode document = JSON.readTree(answer.body());
                List<Operation> operations = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                    Map.Entry<String, JsonNode> path = paths.next();
                    for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                        Map.Entry<String, JsonNode> method = methods.next();
                        operations.add(new Operation(path.getKey(), PathTemplate.toPattern(path.getKey()), method.getKey(), method.getValue(),
                                PARAMETER.matcher(path.getKey()).replaceAll("").length()));
                    }
                }
                return new Spec(document, operations, new ConcurrentHashMap<>());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the service's OpenAPI", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "";
        }
        return contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }
}
