package io.fanzha.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.e2e.stack.Stack;
import io.restassured.response.Response;

/**
 * The gateway's one API document (docs/gateway.md, "One API document") over the real services: it holds every
 * operation of each service's own document with unique operation ids and leads to the stack's Keycloak; Spectral's
 * OpenAPI rules find no error in it; openapi-generator validates it and builds one client with every service's
 * operations; Swagger UI loads it and logs in as fanzha-web with PKCE. Spectral runs from e2e/node_modules, which
 * ./fanzha test installs (npm ci) when it is missing.
 */
class GatewayApiDocumentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FOLDER = Path.of("target/openapi-gateway");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private static Path documentFile;
    private static JsonNode document;

    @BeforeAll
    static void fetchTheMergedDocument() throws IOException {
        String text = given().get(Stack.get().gateway() + "/q/openapi?format=json").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString();
        Files.createDirectories(FOLDER);
        documentFile = FOLDER.resolve("openapi.json");
        Files.writeString(documentFile, text);
        document = JSON.readTree(text);
    }

    @Test
    void everyOperationOfEveryServiceIsInItOnceAndItLeadsToKeycloak() throws IOException {
        assertEquals("[]", document.path("x-fanzha-missing").toString(), "no service left out");
        List<String> problems = new ArrayList<>();
        for (String service : OpenApiDocumentsIT.SERVICES) {
            JsonNode own = JSON.readTree(given().get(Stack.get().service(service) + "/q/openapi?format=json")
                    .then().statusCode(200).extract().asString());
            for (Iterator<Map.Entry<String, JsonNode>> paths = own.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (String method : METHODS) {
                    if (path.getValue().has(method)
                            && !document.path("paths").path(path.getKey()).path(method).isObject()) {
                        problems.add(service + ": " + method.toUpperCase() + " " + path.getKey() + " is missing");
                    }
                }
            }
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode item : document.path("paths")) {
            for (String method : METHODS) {
                String id = item.path(method).path("operationId").asText("");
                if (item.has(method) && !ids.add(id)) {
                    problems.add("operationId '" + id + "' is used twice");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        JsonNode scheme = document.path("components").path("securitySchemes").path("keycloak");
        assertEquals("openIdConnect", scheme.path("type").asText());
        String discovery = scheme.path("openIdConnectUrl").asText();
        assertEquals(Stack.get().keycloak() + "/realms/fanzha/.well-known/openid-configuration", discovery);
        given().get(discovery).then().statusCode(200);
        assertEquals("[{\"keycloak\":[]}]", document.path("security").toString());
    }

    @Test
    void spectralFindsNoError() throws Exception {
        Path spectral = Path.of("node_modules/.bin/spectral");
        assertTrue(Files.isExecutable(spectral), "Spectral is not installed in e2e/node_modules: run `npm ci` in e2e "
                + "(./fanzha test does when it is missing)");
        Path results = FOLDER.resolve("spectral.json");
        Files.deleteIfExists(results);
        Process lint = new ProcessBuilder(spectral.toString(), "lint", "--ruleset", ".spectral.yaml",
                "--format", "json", "--output", results.toString(), "--fail-severity", "error",
                documentFile.toString()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes());
        if (!lint.waitFor(5, TimeUnit.MINUTES) || !Files.exists(results)) {
            lint.destroyForcibly();
            fail("Spectral did not lint the document:\n" + output);
        }
        Map<String, Integer> warnings = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode result : JSON.readTree(results.toFile())) {
            String where = String.join(".", pathOf(result));
            if (result.path("severity").asInt() == 0) {
                errors.add(result.path("code").asText() + " at " + where + ": " + result.path("message").asText());
            } else {
                warnings.merge(result.path("code").asText(), 1, Integer::sum);
            }
        }
        System.out.println("Spectral's warnings on the gateway's document, by rule: " + warnings);
        assertTrue(errors.isEmpty(), "Spectral (spectral:oas) finds errors in the gateway's document ("
                + documentFile + "):\n" + String.join("\n", errors));
    }

    @Test
    void openapiGeneratorValidatesItAndBuildsOneClientWithEveryServicesOperations() {
        String apis = ClientGenerationIT.typescriptApis("the gateway's document", documentFile, FOLDER);
        for (String operation : List.of("createRegion", "syncOutreach", "listFraudCategories", "getRegionSummary")) {
            assertTrue(apis.contains("async " + operation + "("), "the client has no method " + operation);
        }
    }

    @Test
    void swaggerUiLoadsItAndLogsInAsFanzhaWebWithPkce() {
        String gateway = Stack.get().gateway();
        Response page = given().get(gateway + "/q/swagger-ui/");
        page.then().statusCode(200).contentType(startsWith("text/html"));
        assertTrue(page.asString().contains("<script src=\"swagger-initializer.js\""), page.asString());
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy != null && policy.contains("script-src 'self';")
                && policy.contains("connect-src 'self' " + Stack.get().keycloak() + ";"), String.valueOf(policy));

        String initializer = given().get(gateway + "/q/swagger-ui/swagger-initializer.js").then().statusCode(200)
                .contentType(startsWith("text/javascript")).extract().asString();
        assertTrue(initializer.contains("clientId: \"fanzha-web\"")
                && initializer.contains("usePkceWithAuthorizationCodeGrant: true")
                && initializer.contains("../openapi?format=json"), initializer);
        given().get(gateway + "/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200)
                .contentType(startsWith("text/javascript"));
        given().get(gateway + "/q/swagger-ui/oauth2-redirect.html").then().statusCode(200);

        // The realm takes fanzha-web's login with PKCE (at the redirect Swagger UI uses on a gateway at the default
        // port), and without PKCE sends the browser back with an error.
        String authorize = given().get(document.path("components").path("securitySchemes").path("keycloak")
                .path("openIdConnectUrl").asText()).then().statusCode(200).extract().path("authorization_endpoint");
        String redirect = "http://localhost:8080/q/swagger-ui/oauth2-redirect.html";
        given().redirects().follow(false).queryParam("client_id", "fanzha-web").queryParam("response_type", "code")
                .queryParam("redirect_uri", redirect).queryParam("scope", "openid").queryParam("state", "e2e")
                .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
                .queryParam("code_challenge_method", "S256")
                .get(authorize).then().statusCode(200).contentType(startsWith("text/html"));
        String refused = given().redirects().follow(false).queryParam("client_id", "fanzha-web")
                .queryParam("response_type", "code").queryParam("redirect_uri", redirect).queryParam("state", "e2e")
                .get(authorize).then().statusCode(302).extract().header("Location");
        assertTrue(refused.startsWith(redirect) && refused.contains("error=invalid_request")
                && refused.contains("code_challenge"), refused);
    }

    /** Where a Spectral result points, as a dotted path. */
    private static List<String> pathOf(JsonNode result) {
        List<String> parts = new ArrayList<>();
        result.path("path").forEach(part -> parts.add(part.asText()));
        return parts;
    }
}
