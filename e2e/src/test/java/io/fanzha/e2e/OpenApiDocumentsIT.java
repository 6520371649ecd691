package io.fanzha.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.e2e.stack.Stack;

/**
 * What a frontend developer's tools need from each service's OpenAPI document (docs/api.md, "OpenAPI"):
 * operation ids that read as a verb on a noun, an OpenID Connect scheme that leads to this stack's Keycloak,
 * a license the generators accept, the answers every operation can give, and a body and Location for a 201;
 * OpenAPI 3.0.3, every object schema listing its required properties and every pattern anchored and written
 * in ECMA-262 5.1, the dialect OpenAPI 3.0 names (no Unicode property classes, no lookbehind, no named groups).
 */
class OpenApiDocumentsIT {

    static final List<String> SERVICES = List.of("campaign", "outreach", "casestats", "reporting");
    static final Pattern VERB_ON_NOUN = Pattern.compile(
            "(create|get|list|update|replace|delete|import|sync|upload|download|push|review|export|rebuild|void|restore)"
            + "[A-Z][A-Za-z]+");

    @Test
    void everyDocumentIsCompleteForClientGenerators() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            JsonNode document = new ObjectMapper().readTree(given().get(Stack.get().service(service)
                    + "/q/openapi?format=json").then().statusCode(200).extract().asString());
            check(service, document, problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    static final Pattern OUTSIDE_ECMA_5_1 = Pattern.compile("\\\\[pPk]\\{|\\(\\?<[=!a-zA-Z]");

    static boolean allNullable(JsonNode properties) {
        for (JsonNode property : properties) {
            if (!property.path("nullable").asBoolean()) {
                return false;
            }
        }
        return true;
    }

    static void check(String service, JsonNode document, List<String> problems) {
        if (!document.path("openapi").asText().equals("3.0.3")) {
            problems.add(service + ": openapi is " + document.path("openapi") + ", not 3.0.3");
        }
        for (Iterator<Map.Entry<String, JsonNode>> schemas = document.path("components").path("schemas").fields();
                schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            // A request's part whose every field may be left out (nullable, as FieldPresence writes it) has none.
            if (schema.getValue().has("properties") && !schema.getValue().has("required")
                    && !allNullable(schema.getValue().path("properties"))) {
                problems.add(service + ": schema " + schema.getKey() + " does not say which properties are required");
            }
        }
        for (JsonNode pattern : document.findValues("pattern")) {
            String regex = pattern.asText();
            if (!regex.startsWith("^") || !regex.endsWith("$") || OUTSIDE_ECMA_5_1.matcher(regex).find()) {
                problems.add(service + ": pattern " + regex + " is not anchored or not ECMA-262 5.1");
            }
        }
        if (document.path("info").path("license").path("url").asText().isEmpty()) {
            problems.add(service + ": info.license has no url");
        }
        JsonNode scheme = document.path("components").path("securitySchemes").path("keycloak");
        if (!scheme.path("type").asText().equals("openIdConnect")
                || !scheme.path("openIdConnectUrl").asText().endsWith("/realms/fanzha/.well-known/openid-configuration")) {
            problems.add(service + ": no openIdConnect scheme 'keycloak' pointing at the realm: " + scheme);
        }
        Set<String> ids = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = service + ": " + op.getKey().toUpperCase() + " " + path.getKey();
                String id = op.getValue().path("operationId").asText();
                if (!VERB_ON_NOUN.matcher(id).matches()) {
                    problems.add(where + ": operationId '" + id + "' is not a verb on a noun");
                } else if (!ids.add(id)) {
                    problems.add(where + ": operationId '" + id + "' used twice");
                }
                JsonNode responses = op.getValue().path("responses");
                List<String> expected = new ArrayList<>(List.of("401", "403", "406", "500", "503"));
                if (op.getValue().has("requestBody")) {
                    expected.addAll(List.of("400", "415"));
                }
                if (op.getValue().path("parameters").size() > 0) {
                    expected.add("400");
                }
                for (String status : expected) {
                    if (!responses.has(status)) {
                        problems.add(where + ": does not document " + status);
                    }
                }
                JsonNode created = responses.path("201");
                if (!created.isMissingNode() && (created.path("content").isEmpty()
                        || created.path("headers").path("Location").isMissingNode())) {
                    problems.add(where + ": 201 without a body schema or a Location header");
                }
            }
        }
    }
}
