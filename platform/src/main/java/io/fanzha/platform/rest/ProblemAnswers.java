package io.fanzha.platform.rest;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import io.fanzha.platform.problem.Problem;

/**
 * Documents every 4xx and 5xx answer of every service as {@code application/problem+json} with
 * the shared {@code Problem} schema, so resources describe only when an error happens, and adds the
 * answers any operation can give whatever it does (a bad parameter or body, a missing or refused token,
 * an unacceptable media type, a fault), where the resource did not describe them itself.
 */
final class ProblemAnswers {

    private static final String SCHEMA = "Problem";

    private ProblemAnswers() {
    }

    static void document(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema(SCHEMA, problemSchema());
        openAPI.setComponents(components);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                return;
            }
            addStandardAnswers(path, operation);
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    response.setContent(problemContent());
                }
            });
        }));
    }

    private static void addStandardAnswers(String path, Operation operation) {
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (hasBody || hasParameters) {
            answer(operation, "400", "Invalid parameters or body (request.invalid, request.malformed); see violations");
        }
        if (path.startsWith("/api/")) {
            answer(operation, "401", "No valid bearer token (auth.unauthenticated)");
            answer(operation, "403", "Your role or region scope does not allow this (auth.forbidden, scope.forbidden)");
            answer(operation, "503", "The token cannot be verified right now (auth.unavailable); retry after Retry-After");
        }
        answer(operation, "406", "The Accept header names no media type this operation produces (media-type.not-acceptable)");
        if (hasBody) {
            answer(operation, "413", "The body is larger than the service takes (request.too-large)");
            answer(operation, "415", "The body is not JSON or has no Content-Type (media-type.unsupported)");
        }
        answer(operation, "500", "A fault on our side (internal.error); quote the requestId");
    }

    private static void answer(Operation operation, String status, String description) {
        if (operation.getResponses().getAPIResponse(status) == null) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA)));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("JSON path of the field, e.g. metrics.peopleReached"))
                .addProperty("message", text);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details. Branch on `code`, never on `detail`.")
                .required(List.of("type", "title", "status", "code"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("urn:fanzha:problem:<code>"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What went wrong, for people"))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Stable machine-readable code, e.g. region.not-found"))
                .addProperty("requestId", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The X-Request-Id of the request; quote it when reporting a problem"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation))
                .examples(List.of(Map.of(
                        "type", "urn:fanzha:problem:request.invalid",
                        "title", "Bad Request",
                        "status", 400,
                        "detail", "The request has invalid fields; see violations.",
                        "code", "request.invalid",
                        "requestId", "5b0c9a1e-3f0e-4a53-9a51-0c1f0b6f3c2d",
                        "violations", List.of(Map.of("field", "code",
                                "message", "must be a region code: 6, 9, 12 or 15 digits, no zero segment")))));
    }
}
