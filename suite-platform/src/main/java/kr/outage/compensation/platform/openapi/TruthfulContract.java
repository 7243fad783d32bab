package kr.outage.compensation.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes each service's published OpenAPI say what the service does, in the ways the generator
 * cannot know by itself:
 *
 * <ul>
 *   <li><b>Nulls.</b> A property the schema does not list as {@code required} may be null on the
 *   wire (the services write nulls rather than leave keys out), so it is typed as "X or null". A
 *   property that is always present is marked {@code @Schema(required = true)} where it is declared.
 *   </li>
 *   <li><b>Errors.</b> Every error is a {@code Problem} in {@code application/problem+json}. Every
 *   operation documents 400 (a bad parameter, a hostile or malformed body), 401 and 403 when it needs
 *   a token, 404 when its path names something, 415 when it takes a body, and a {@code default}
 *   problem for the rest (405, 406, 409, 413, 414, 422, 500, 503); error responses a service
 *   documents itself get the problem body too.</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class TruthfulContract implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (Map.Entry<String, Schema> schema : schemas.entrySet()) {
            if (!schema.getKey().equals(PROBLEM)) {
                nullableUnlessRequired(schema.getValue());
            }
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
                if (path.getValue().getOperations() == null) {
                    continue;
                }
                for (Operation operation : path.getValue().getOperations().values()) {
                    documentErrors(path.getKey(), operation, openAPI);
                }
            }
        }
    }

    private static void nullableUnlessRequired(Schema object) {
        if (object.getProperties() == null) {
            return;
        }
        List<String> required = object.getRequired() == null ? List.of() : object.getRequired();
        for (Map.Entry<String, Schema> property : object.getProperties().entrySet()) {
            if (!required.contains(property.getKey())) {
                object.addProperty(property.getKey(), orNull(property.getValue()));
            }
        }
    }

    /** The schema, or null: a null type added, or for a reference an anyOf of the reference and null. */
    static Schema orNull(Schema schema) {
        if (schema.getRef() != null || schema.getAnyOf() != null || schema.getOneOf() != null || schema.getAllOf() != null) {
            if (schema.getAnyOf() != null && schema.getAnyOf().stream().anyMatch(TruthfulContract::isNullType)) {
                return schema;
            }
            Schema choice = OASFactory.createSchema();
            choice.addAnyOf(schema);
            choice.addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
            return choice;
        }
        if (schema.getType() != null && !schema.getType().isEmpty()) {
            if (!schema.getType().contains(SchemaType.NULL)) {
                schema.addType(SchemaType.NULL);
            }
            // an enumeration lists every value the property takes: null too (also where nullable = true said so already)
            if (schema.getEnumeration() != null && !schema.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(schema.getEnumeration());
                values.add(null);
                schema.setEnumeration(values);
            }
        }
        return schema;
    }

    private static boolean isNullType(Schema schema) {
        return schema.getType() != null && schema.getType().equals(List.of(SchemaType.NULL));
    }

    private static void documentErrors(String path, Operation operation, OpenAPI openAPI) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (responses.getAPIResponses() != null) {
            for (Map.Entry<String, APIResponse> documented : responses.getAPIResponses().entrySet()) {
                if (isError(documented.getKey()) && documented.getValue().getRef() == null) {
                    withProblemBody(documented.getValue());
                }
            }
        }
        addIfAbsent(responses, "400", "A query or path parameter, or the body, is invalid");
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty()
                || openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty() && operation.getSecurity() == null;
        if (secured) {
            addIfAbsent(responses, "401", "No valid bearer token");
            addIfAbsent(responses, "403", "The token lacks the role this operation requires");
        }
        if (path.contains("{")) {
            addIfAbsent(responses, "404", "Nothing is known by this id");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "415", "The body was sent without its Content-Type, or as another media type");
        }
        addIfAbsent(responses, "default", "Any other error, as a problem: 405, 406, 409, 413, 414, 422, 500, 503");
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5") || status.equals("default");
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, withProblemBody(OASFactory.createAPIResponse().description(description)));
        }
    }

    private static APIResponse withProblemBody(APIResponse response) {
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()
                || content.hasMediaType("application/json")) {
            MediaType problem = OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM));
            response.setContent(OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE, problem));
        }
        return response;
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("The field or parameter as the client sent it, e.g. services[0].service"))
                .addProperty("message", OASFactory.createSchema().addType(SchemaType.STRING))
                .required(List.of("field", "message"));
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem. `type` is stable per kind of error (see the README's table); "
                        + "`errors` names each invalid field; some problems carry more members (e.g. existingClaim, "
                        + "state, cap).")
                .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32"))
                .addProperty("detail", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("traceId", OASFactory.createSchema().addType(SchemaType.STRING).pattern("^[0-9a-f]{32}$")
                        .description("The W3C trace id of the request: its log lines and spans in every service it crossed"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }
}
