package io.fanzha.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The one API document at /q/openapi, merged from the stand-in services' small documents
 * (src/test/resources/fake-openapi), and Swagger UI at /q/swagger-ui. The merge rules in detail are
 * DocumentMergerTest's, the refresh time ApiDocumentCacheTest's.
 */
@QuarkusTest
@WithTestResource(GatewayTestResources.class)
class ApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "https://keycloak.fanzha.test/realms/fanzha";
    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>");

    private static FakeServices services;

    @BeforeAll
    static void startServices() {
        services = FakeServices.start(ConfigProvider.getConfig());
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @Test
    void everyServicesRoutedPathsAreInOneDocument() throws Exception {
        JsonNode document = json(given().when().get("/q/openapi?format=json").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString());
        assertEquals("3.0.3", document.path("openapi").asText());
        assertEquals(Set.of("/api/v1/regions", "/api/v1/regions/{code}", "/api/v1/outreach", "/api/v1/outreach/audit",
                "/api/v1/fraud-categories", "/api/v1/cases/audit", "/api/v1/reports/regions",
                "/api/v1/reports/regions/{code}/summary"), names(document.path("paths")));
        // campaign-service documents it, but the gateway sends /api/v1/reports/... to reporting-service.
        assertFalse(document.path("paths").has("/api/v1/reports/regions-overview"));
        assertEquals("[]", document.path("x-fanzha-missing").toString());

        JsonNode info = document.path("info");
        assertEquals("Fanzha API", info.path("title").asText());
        assertEquals("1.0.0", info.path("version").asText());
        assertEquals("https://www.apache.org/licenses/LICENSE-2.0", info.path("license").path("url").asText());
        assertTrue(info.path("description").asText().contains("**reporting-service**: Read models"),
                info.path("description").asText());
        assertEquals("/", document.path("servers").path(0).path("url").asText());
        assertEquals(Set.of("Regions", "Outreach", "Fraud categories", "Cases", "Reports"),
                values(document.path("tags"), "name"));
    }

    @Test
    void aNameTwoServicesUseForDifferentSchemasIsRenamedAndTheSameSchemaKeptOnce() throws Exception {
        JsonNode document = json(given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString());
        JsonNode schemas = document.path("components").path("schemas");
        // Problem is the same in all four: kept once. Region is another thing in reporting-service.
        assertEquals(Set.of("Problem", "Region", "OutreachRecord", "FraudCategory", "ReportingRegion",
                "RegionSummary"), names(schemas));
        assertTrue(schemas.path("Region").path("properties").has("name"), "campaign-service's Region, the first");
        assertTrue(schemas.path("ReportingRegion").path("properties").has("households"));
        assertEquals("#/components/schemas/ReportingRegion",
                schemas.path("RegionSummary").path("properties").path("region").path("$ref").asText());
        assertEquals("#/components/schemas/ReportingRegion", document.path("paths").path("/api/v1/reports/regions")
                .path("get").path("responses").path("200").path("content").path("application/json").path("schema")
                .path("items").path("$ref").asText());
        assertEquals("#/components/schemas/Region", document.path("paths").path("/api/v1/regions")
                .path("get").path("responses").path("200").path("content").path("application/json").path("schema")
                .path("items").path("$ref").asText());
        assertEquals(Set.of("Unauthorized"), names(document.path("components").path("responses")));
    }

    @Test
    void operationIdsStayUniqueAndOneKeycloakSchemeGuardsEverything() throws Exception {
        JsonNode document = json(given().when().get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString());
        List<String> ids = document.findValuesAsText("operationId");
        assertEquals(ids.size(), new TreeSet<>(ids).size(), ids.toString());
        assertEquals("getAudit", document.path("paths").path("/api/v1/outreach/audit").path("get")
                .path("operationId").asText());
        assertEquals("caseStatsGetAudit", document.path("paths").path("/api/v1/cases/audit").path("get")
                .path("operationId").asText());

        JsonNode schemes = document.path("components").path("securitySchemes");
        assertEquals(Set.of("keycloak"), names(schemes));
        assertEquals("openIdConnect", schemes.path("keycloak").path("type").asText());
        assertEquals(REALM + "/.well-known/openid-configuration",
                schemes.path("keycloak").path("openIdConnectUrl").asText());
        assertEquals("[{\"keycloak\":[]}]", document.path("security").toString());
    }

    @Test
    void jsonOrYamlAsAskedFor() throws Exception {
        String json = given().when().get("/q/openapi?format=json").then().statusCode(200)
                .contentType(startsWith("application/json")).header("Vary", "Accept").extract().asString();
        // Without a format or an Accept for JSON: YAML, as the services' own /q/openapi answers.
        String yaml = given().when().get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().asString();
        assertEquals(json(json), new YAMLMapper().readTree(yaml));
        // Response codes stay strings in YAML, where a bare 200 would be read as a number.
        Map<String, Map<String, Map<String, Map<String, Map<?, ?>>>>> loaded = new Yaml().load(yaml);
        Set<?> statuses = loaded.get("paths").get("/api/v1/regions").get("get").get("responses").keySet();
        assertEquals(Set.of("200", "401"), statuses);

        given().accept("application/json").when().get("/q/openapi?format=yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml"));
        given().when().get("/q/openapi?format=JSON").then().statusCode(200).contentType(startsWith("application/json"));
        given().accept("application/json, text/plain;q=0.5").when().get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/json"));
        given().when().head("/q/openapi?format=json").then().statusCode(200)
                .contentType(startsWith("application/json")).body(emptyString());
    }

    @Test
    void anUnknownFormatOrMethodIsAProblem() {
        given().when().get("/q/openapi?format=xml").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("openapi.format-unknown")).body("detail", containsString("json or yaml"));
        given().contentType("application/json").body("{}").when().post("/q/openapi").then().statusCode(405)
                .header("Allow", "GET, HEAD").body("code", equalTo("method.not-allowed"));
    }

    @Test
    void aServiceThatIsDownIsLeftOutAndNamedWhileTheOthersAreServed() throws Exception {
        services.stop("reporting");
        try {
            JsonNode document = json(given().when().get("/q/openapi?format=json").then().statusCode(200).extract()
                    .asString());
            assertEquals("[\"reporting-service\"]", document.path("x-fanzha-missing").toString());
            assertTrue(document.path("info").path("description").asText()
                    .contains("the document of reporting-service could not be fetched"));
            assertTrue(document.path("paths").has("/api/v1/regions"));
            assertFalse(document.path("paths").has("/api/v1/reports/regions"));
            // Nothing of it: its Region does not clash with anything, so nothing is renamed.
            assertFalse(document.path("components").path("schemas").has("ReportingRegion"));
        } finally {
            services.start("reporting");
        }
        // Asked for again on the next request.
        JsonNode document = json(given().when().get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString());
        assertEquals("[]", document.path("x-fanzha-missing").toString());
        assertTrue(document.path("paths").has("/api/v1/reports/regions"));
    }

    @Test
    void withNoServiceToAskThereIsNoDocument() {
        FakeServices.NAMES.forEach(services::stop);
        try {
            given().when().get("/q/openapi").then().statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .header("Retry-After", "10")
                    .body("code", equalTo("openapi.unavailable"))
                    .body("detail", containsString("campaign-service, outreach-service, case-stats-service, "
                            + "reporting-service"));
        } finally {
            FakeServices.NAMES.forEach(services::start);
        }
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void swaggerUiLoadsTheDocumentAndLogsInThroughKeycloakWithPkce() {
        given().redirects().follow(false).when().get("/q/swagger-ui").then().statusCode(301)
                .header("Location", "swagger-ui/");

        Response page = given().when().get("/q/swagger-ui/");
        page.then().statusCode(200).contentType(startsWith("text/html"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("swagger-initializer.js"));
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self';")
                && policy.contains("connect-src 'self' https://keycloak.fanzha.test;")
                && policy.contains("frame-ancestors 'none'"), policy);
        assertEquals(List.of(), inlineScripts(page.asString()));

        String initializer = given().when().get("/q/swagger-ui/swagger-initializer.js").then().statusCode(200)
                .contentType(startsWith("text/javascript")).header("Content-Security-Policy", policy)
                .extract().asString();
        assertTrue(initializer.contains("clientId: \"fanzha-web\""), initializer);
        assertTrue(initializer.contains("usePkceWithAuthorizationCodeGrant: true"), initializer);
        assertTrue(initializer.contains("new URL('../openapi?format=json', page)"), initializer);

        // The page Keycloak sends the browser back to runs no inline script either.
        String redirect = given().when().get("/q/swagger-ui/oauth2-redirect.html").then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        assertEquals(List.of(), inlineScripts(redirect));
        for (String file : List.of("oauth2-redirect.js", "swagger-ui-bundle.js")) {
            given().when().get("/q/swagger-ui/" + file).then().statusCode(200)
                    .contentType(startsWith("text/javascript"));
        }
        given().when().get("/q/swagger-ui/swagger-ui.css").then().statusCode(200).contentType(startsWith("text/css"));

        // Unchanged files cost a 304.
        String etag = page.header("ETag");
        given().header("If-None-Match", etag).when().get("/q/swagger-ui/index.html").then().statusCode(304);

        given().when().get("/q/swagger-ui/swagger-initializer.json").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("route.unknown"));
        given().contentType("application/json").body("{}").when().post("/q/swagger-ui/").then().statusCode(405);
        // Not the jar's own copy of Swagger UI, which Quarkus would serve from its META-INF/resources.
        given().when().get("/webjars/swagger-ui/" + swaggerUiVersion() + "/index.html").then().statusCode(404)
                .body("code", equalTo("route.unknown"));
    }

    private static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = ApiDocumentTest.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    /** The script tags of a page that carry their code inline (no src). */
    private static List<String> inlineScripts(String html) {
        List<String> inline = new ArrayList<>();
        Matcher tags = SCRIPT.matcher(html);
        while (tags.find()) {
            if (!tags.group(1).contains("src=")) {
                inline.add(tags.group());
            }
        }
        return inline;
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> values(JsonNode array, String field) {
        Set<String> values = new TreeSet<>();
        array.forEach(element -> values.add(element.path(field).asText()));
        return values;
    }
}
