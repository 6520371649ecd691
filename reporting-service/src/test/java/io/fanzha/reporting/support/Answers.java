package io.fanzha.reporting.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.ValidatableResponse;

/** Reading the reports' answers in tests. */
public final class Answers {

    public static final String PROBLEM = "application/problem+json";
    /** Reads numbers as the service wrote them: 8600.00 stays 8600.00. */
    public static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private Answers() {
    }

    /** A 200 answer. */
    public static JsonNode get(String path) throws Exception {
        return JSON.readTree(given().get(path).then().statusCode(200).extract().asString());
    }

    /** The given fields of each element, joined by spaces ("absent" for a field left out). */
    public static List<String> rows(JsonNode array, String... fields) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> row(node, fields)).toList();
    }

    public static String row(JsonNode node, String... fields) {
        StringBuilder row = new StringBuilder();
        for (String field : fields) {
            row.append(row.length() == 0 ? "" : " ").append(node.get(field) == null ? "absent" : node.get(field).asText());
        }
        return row.toString();
    }

    /** The answer without what differs after a rebuild. */
    public static JsonNode withoutFreshness(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        copy.remove(List.of("freshness", "lastEventAppliedAt"));
        return copy;
    }

    public static ValidatableResponse problem(String path, int status, String code) {
        return given().get(path).then().statusCode(status).contentType(PROBLEM).body("code", equalTo(code));
    }
}
