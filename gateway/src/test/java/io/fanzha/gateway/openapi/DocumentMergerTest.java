package io.fanzha.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fanzha.gateway.route.Routes;
import io.fanzha.gateway.route.Upstream;

/** The merge rules of docs/gateway.md, "One API document", one by one on small documents. */
class DocumentMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Routes ROUTES = Routes.of(Map.of(
            Upstream.CAMPAIGN, List.of("/api/v1/regions"),
            Upstream.OUTREACH, List.of("/api/v1/outreach"),
            Upstream.CASE_STATS, List.of("/api/v1/cases"),
            Upstream.REPORTING, List.of("/api/v1/reports")));
    private static final DocumentMerger MERGER = new DocumentMerger(ROUTES,
            URI.create("http://localhost:8180/realms/fanzha/"), "/");

    @Test
    void aRenamedSchemaTakesAlongTheSchemasThatReferToIt() {
        ObjectNode campaign = document("""
                "paths": {"/api/v1/regions": {"get": %s}},
                "components": {"schemas": {
                    "Code": {"type": "string"},
                    "Region": {"type": "object", "properties": {"code": {"$ref": "#/components/schemas/Code"}}},
                    "OutreachCode": {"type": "boolean"}}}
                """.formatted(operation("listRegions", "#/components/schemas/Region")));
        ObjectNode outreach = document("""
                "paths": {"/api/v1/outreach": {"get": %s}},
                "components": {"schemas": {
                    "Code": {"type": "integer"},
                    "Region": {"type": "object", "properties": {"code": {"$ref": "#/components/schemas/Code"}}},
                    "Visit": {"type": "object", "properties": {
                        "region": {"$ref": "#/components/schemas/Region"},
                        "code": {"$ref": "#/components/schemas/Region/properties/code"}},
                        "discriminator": {"propertyName": "kind", "mapping": {"r": "#/components/schemas/Region"}}}}}
                """.formatted(operation("listOutreach", "#/components/schemas/Visit")));

        JsonNode merged = merge(campaign, outreach);
        JsonNode schemas = merged.path("components").path("schemas");
        // Code differs; Region is the same text but means another Code, so it differs too. OutreachCode was taken.
        assertEquals(Set.of("Code", "Region", "OutreachCode", "OutreachCode2", "OutreachRegion", "Visit"),
                names(schemas));
        assertEquals("integer", schemas.path("OutreachCode2").path("type").asText());
        assertEquals("#/components/schemas/OutreachCode2",
                schemas.path("OutreachRegion").path("properties").path("code").path("$ref").asText());
        assertEquals("#/components/schemas/Code",
                schemas.path("Region").path("properties").path("code").path("$ref").asText());
        JsonNode visit = schemas.path("Visit");
        assertEquals("#/components/schemas/OutreachRegion", visit.path("properties").path("region").path("$ref").asText());
        assertEquals("#/components/schemas/OutreachRegion/properties/code",
                visit.path("properties").path("code").path("$ref").asText());
        assertEquals("#/components/schemas/OutreachRegion", visit.path("discriminator").path("mapping").path("r").asText());
        // The services' own documents are left as they were.
        assertEquals("#/components/schemas/Region", outreach.path("components").path("schemas").path("Visit")
                .path("properties").path("region").path("$ref").asText());
    }

    @Test
    void everyKindOfComponentIsUnitedAndTheSameContentKeptOnce() {
        String shared = """
                "components": {
                    "schemas": {"Problem": {"type": "object", "properties": {"code": {"type": "string"}}}},
                    "responses": {"NotFound": {"description": "No such thing"}},
                    "parameters": {"Page": {"name": "page", "in": "query", "schema": {"type": "integer"}}},
                    "headers": {"ETag": {"schema": {"type": "string"}}}}
                """;
        JsonNode merged = merge(document("\"paths\": {}," + shared), document("\"paths\": {}," + shared),
                document("\"paths\": {}," + shared.replace("No such thing", "Nothing here")));
        JsonNode components = merged.path("components");
        assertEquals(Set.of("Problem"), names(components.path("schemas")));
        assertEquals(Set.of("Page"), names(components.path("parameters")));
        assertEquals(Set.of("ETag"), names(components.path("headers")));
        assertEquals(Set.of("NotFound", "CaseStatsNotFound"), names(components.path("responses")));
    }

    @Test
    void onlyThePathsTheGatewayRoutesToTheServiceAreTaken() {
        ObjectNode campaign = document("""
                "paths": {
                    "/api/v1/regions/{code}": {"get": %s},
                    "/api/v1/outreach/mine": {"get": %s},
                    "/api/v2/regions": {"get": %s},
                    "/api/v1/regionsx": {"get": %s}}
                """.formatted(operation("getRegion", null), operation("listMine", null),
                operation("listRegionsTwo", null), operation("listRegionsX", null)));
        assertEquals(Set.of("/api/v1/regions/{code}"), names(merge(campaign).path("paths")));
    }

    @Test
    void aDuplicateOperationIdIsRenamedWithTheServicesPrefix() {
        JsonNode merged = merge(
                document("\"paths\": {\"/api/v1/regions\": {\"get\": %s}}".formatted(operation("getAudit", null))),
                document("\"paths\": {\"/api/v1/outreach\": {\"get\": %s}}".formatted(operation("getAudit", null))),
                document("\"paths\": {\"/api/v1/cases\": {\"get\": %s, \"post\": %s}}"
                        .formatted(operation("getAudit", null), operation(null, null))));
        JsonNode paths = merged.path("paths");
        assertEquals("getAudit", paths.path("/api/v1/regions").path("get").path("operationId").asText());
        assertEquals("outreachGetAudit", paths.path("/api/v1/outreach").path("get").path("operationId").asText());
        assertEquals("caseStatsGetAudit", paths.path("/api/v1/cases").path("get").path("operationId").asText());
        assertFalse(paths.path("/api/v1/cases").path("post").has("operationId"));
    }

    @Test
    void theGatewaysKeycloakSchemeReplacesTheServicesAndOtherSchemesFollowTheRules() {
        String scheme = """
                "securitySchemes": {
                    "keycloak": {"type": "openIdConnect", "openIdConnectUrl": "http://%s:8180/realms/fanzha/x"},
                    "apiKey": {"type": "apiKey", "in": "header", "name": "%s"}}
                """;
        ObjectNode campaign = document("""
                "paths": {"/api/v1/regions": {"get": %s}}, "components": {%s}
                """.formatted(operation("listRegions", null), scheme.formatted("campaign", "X-Campaign-Key")));
        ObjectNode outreach = document("""
                "paths": {"/api/v1/outreach": {"get": %s}}, "components": {%s}
                """.formatted(operation("listOutreach", null), scheme.formatted("outreach", "X-Outreach-Key")));
        outreach.withObject("/paths/~1api~1v1~1outreach/get").putArray("security").addObject().putArray("apiKey");

        JsonNode merged = merge(campaign, outreach);
        JsonNode schemes = merged.path("components").path("securitySchemes");
        assertEquals(Set.of("keycloak", "apiKey", "OutreachApiKey"), names(schemes));
        assertEquals("http://localhost:8180/realms/fanzha/.well-known/openid-configuration",
                schemes.path("keycloak").path("openIdConnectUrl").asText());
        assertEquals("[{\"keycloak\":[]}]", merged.path("security").toString());
        assertEquals("[{\"OutreachApiKey\":[]}]",
                merged.path("paths").path("/api/v1/outreach").path("get").path("security").toString());
    }

    @Test
    void tagsAreUnitedAndEveryTagAnOperationUsesIsDeclared() {
        ObjectNode campaign = document("""
                "tags": [{"name": "Regions", "description": "Administrative regions"}],
                "paths": {"/api/v1/regions": {"get": %s}}
                """.formatted(operation("listRegions", null)));
        ObjectNode outreach = document("""
                "tags": [{"name": "Regions", "description": "Another description"}, {"name": "Outreach"}],
                "paths": {"/api/v1/outreach": {"get": %s}}
                """.formatted(operation("listOutreach", null)));
        outreach.withObject("/paths/~1api~1v1~1outreach/get").putArray("tags").add("Ledger");
        assertEquals("[{\"name\":\"Regions\",\"description\":\"Administrative regions\"},{\"name\":\"Outreach\"},"
                + "{\"name\":\"Ledger\"}]", merge(campaign, outreach).path("tags").toString());
    }

    @Test
    void theInfoNamesEveryServiceAndTheMissingOnes() {
        Map<Upstream, ObjectNode> documents = new EnumMap<>(Upstream.class);
        documents.put(Upstream.CAMPAIGN, document("\"paths\": {}"));
        ObjectNode outreach = document("\"paths\": {}");
        outreach.withObject("/info").put("version", "1.1.0").put("description", "Outreach.");
        documents.put(Upstream.OUTREACH, outreach);
        JsonNode merged = MERGER.merge(documents, List.of(Upstream.CASE_STATS, Upstream.REPORTING));

        JsonNode info = merged.path("info");
        assertEquals("Fanzha API", info.path("title").asText());
        assertEquals("1.0.0 / 1.1.0", info.path("version").asText());
        assertEquals("Apache 2.0", info.path("license").path("name").asText());
        String description = info.path("description").asText();
        assertTrue(description.contains("- **campaign-service**: Fanzha campaign-service")
                && description.contains("- **outreach-service**: Outreach.")
                && description.contains("the document of case-stats-service, reporting-service could not be fetched"),
                description);
        assertEquals("[\"case-stats-service\",\"reporting-service\"]", merged.path("x-fanzha-missing").toString());
        assertEquals("[{\"url\":\"/\",\"description\":\"The Fanzha gateway\"}]", merged.path("servers").toString());
    }

    /** The services' documents in the order of {@link Upstream}. */
    private static JsonNode merge(ObjectNode... documents) {
        Map<Upstream, ObjectNode> byService = new EnumMap<>(Upstream.class);
        for (int i = 0; i < documents.length; i++) {
            byService.put(Upstream.values()[i], documents[i]);
        }
        return MERGER.merge(byService, List.of());
    }

    private static ObjectNode document(String rest) {
        try {
            return (ObjectNode) JSON.readTree("""
                    {"openapi": "3.0.3",
                     "info": {"title": "Fanzha campaign-service", "version": "1.0.0",
                              "license": {"name": "Apache 2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0"}},
                    %s}
                    """.formatted(rest));
        } catch (Exception e) {
            throw new IllegalArgumentException(rest, e);
        }
    }

    private static String operation(String id, String ref) {
        return """
                {%s "responses": {"200": {"description": "OK"%s}}}
                """.formatted(id == null ? "" : "\"operationId\": \"" + id + "\",",
                ref == null ? "" : ", \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"" + ref + "\"}}}");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
