package io.fanzha.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.e2e.stack.Stack;
import io.fanzha.e2e.stack.Tokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A hostile client against every operation of every service's OpenAPI document, through the gateway with a
 * county admin's real token: hostile path and query parameters, and for JSON bodies a corpus of malformed
 * documents and of each documented field set to a value of the wrong kind. Every answer must be below 500,
 * and every refusal a problem document (docs/api.md, "Strict input").
 */
class HostileInputIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SERVICES = List.of("campaign", "outreach", "casestats", "reporting");

    static final List<String> PATH_VALUES = List.of("%00", "%E2%80%AE341825", "%C0%AF", "..%2F..", "-1",
            "99999999999999999999", "%27%20OR%201%3D1--", "%20", "null", "x".repeat(300), "341825%0A");
    static final List<String> QUERY_VALUES = List.of("abc", "-1", "2147483647", "99999999999", "1e3", "%00", "",
            "true", "%E2%80%AE", "341825000");
    static final List<String> BODIES = List.of("", "{", "null", "[]", "{}", "\"text\"", "12", "{\"a\":1} trailing",
            "{}{}", "{\"a\":1,\"a\":2}", "[{\"code\":\"341825\"}]");
    static final List<Object> BAD_TEXT = List.of("\u0000", "a\u202Eb", "\u200B\u200B", "\ud800", 12345, true,
            "x".repeat(10_000), List.of("x"), Map.of("x", 1));
    static final List<Object> BAD_NUMBER = List.of("12", 1.5, 2147483648L, -1, "", true, 1e308);
    static final List<Object> BAD_DATE = List.of("+999999999-12-31", "2024-02-30", "2024-1-5", "yesterday", 20240105);

    @Test
    void noInputMakesAServiceFailOrAnswerWithoutAProblem() throws Exception {
        String token = Tokens.of("county-admin");
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String service : SERVICES) {
            JsonNode document = JSON.readTree(given().get(Stack.get().service(service) + "/q/openapi?format=json")
                    .then().statusCode(200).extract().asString());
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                        continue;
                    }
                    for (Attempt attempt : attempts(document, path.getKey(), op.getKey(), op.getValue())) {
                        requests++;
                        Response answer = attempt.send(given().baseUri(Stack.get().gateway()).auth().oauth2(token)
                                .urlEncodingEnabled(false));
                        String contentType = answer.getContentType();
                        if (answer.statusCode() >= 500 || answer.statusCode() >= 400
                                && !contentType.startsWith("application/problem+json")) {
                            failures.add(attempt + " -> " + answer.statusCode() + " " + contentType + " "
                                    + abbreviate(answer.asString()));
                        }
                    }
                }
            }
        }
        System.out.printf("HostileInputIT: %d hostile requests, %d bad answers%n", requests, failures.size());
        assertTrue(requests > 100, "the documents describe too few operations: " + requests);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** What to send to one operation: its path with good values, then each hostile value in each slot. */
    static List<Attempt> attempts(JsonNode document, String template, String method, JsonNode operation) {
        Map<String, String> goodPath = new LinkedHashMap<>();
        List<String> queryNames = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            if (parameter.path("in").asText().equals("path")) {
                goodPath.put(name, name.toLowerCase().contains("id") ? "7b0c2f7e-4c61-4f5e-9a4e-2f0d7d6b8a11" : "341825");
            } else if (parameter.path("in").asText().equals("query")) {
                queryNames.add(name);
            }
        }
        List<Attempt> attempts = new ArrayList<>();
        String good = fill(template, goodPath);
        for (String name : goodPath.keySet()) {
            for (String value : PATH_VALUES) {
                Map<String, String> hostile = new LinkedHashMap<>(goodPath);
                hostile.put(name, value);
                attempts.add(new Attempt(method, fill(template, hostile), null, null));
            }
        }
        for (String name : queryNames) {
            for (String value : QUERY_VALUES) {
                attempts.add(new Attempt(method, good + "?" + name + "=" + value, null, null));
            }
        }
        JsonNode schema = resolve(document, operation.path("requestBody").path("content").path("application/json").path("schema"));
        if (!schema.isMissingNode()) {
            for (String body : BODIES) {
                attempts.add(new Attempt(method, good, body.getBytes(StandardCharsets.UTF_8), "application/json"));
            }
            attempts.add(new Attempt(method, good, new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}' },
                    "application/json"));
            attempts.add(new Attempt(method, good, "{}".getBytes(StandardCharsets.UTF_8), null));
            for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                for (Object value : badValuesFor(resolve(document, field.getValue()))) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put(field.getKey(), value);
                    try {
                        attempts.add(new Attempt(method, good, JSON.writeValueAsBytes(body), "application/json"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return attempts;
    }

    static List<Object> badValuesFor(JsonNode schema) {
        String type = schema.path("type").isArray() ? schema.path("type").path(0).asText() : schema.path("type").asText();
        if (schema.path("format").asText().equals("date")) {
            return BAD_DATE;
        }
        return switch (type) {
            case "integer", "number" -> BAD_NUMBER;
            case "array", "object" -> List.of("x", 1, List.of(Map.of("\u0000", "\u0000")));
            default -> BAD_TEXT;
        };
    }

    static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    static String fill(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    record Attempt(String method, String path, byte[] body, String contentType) {

        Response send(RequestSpecification request) {
            if (body != null) {
                request.body(body);
            }
            if (contentType != null) {
                request.contentType(contentType);
            }
            return request.request(method.toUpperCase(), path);
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + (body == null ? "" : " " + abbreviate(new String(body, StandardCharsets.UTF_8)))
                    + (body != null && contentType == null ? " (no content type)" : "");
        }
    }
}
