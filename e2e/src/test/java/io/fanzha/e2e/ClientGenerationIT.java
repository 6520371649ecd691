package io.fanzha.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

import io.fanzha.e2e.stack.Stack;

/**
 * A frontend developer's first step with a tool nobody here wrote: openapi-generator builds a TypeScript
 * client from each service's OpenAPI document, with the document validated first; any validation error
 * fails the test. The generated API must call operations by their ids (createRegion), not by path and verb.
 */
class ClientGenerationIT {

    /** A service and an operation its generated client must offer by name. */
    static final Map<String, String> SERVICES = Map.of(
            "campaign", "createRegion",
            "outreach", "",
            "casestats", "listFraudCategories",
            "reporting", "getRegionSummary");

    @Test
    void aTypescriptClientGeneratesFromEveryDocument() throws Exception {
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            Path folder = Path.of("target/openapi-clients", service.getKey());
            Files.createDirectories(folder);
            Path document = folder.resolve("openapi.json");
            Files.writeString(document, given().get(Stack.get().service(service.getKey()) + "/q/openapi?format=json")
                    .then().statusCode(200).extract().asString());

            String api = typescriptApis(service.getKey(), document, folder);
            if (!service.getValue().isEmpty()) {
                assertTrue(api.contains("async " + service.getValue() + "("),
                        service.getKey() + ": the client has no method " + service.getValue());
            }
        }
    }

    /**
     * Generates a TypeScript client (typescript-fetch) from a document into {@code folder}, validating the document
     * first; fails the test if openapi-generator refuses it or generates nothing. Returns the API classes' source.
     */
    static String typescriptApis(String what, Path document, Path folder) {
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName("typescript-fetch")
                .setInputSpec(document.toAbsolutePath().toString())
                .setOutputDir(folder.resolve("typescript-fetch").toAbsolutePath().toString())
                .setValidateSpec(true);
        List<File> files;
        try {
            files = new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
        } catch (RuntimeException e) {
            return fail(what + ": openapi-generator refused the document: " + e.getMessage(), e);
        }
        assertTrue(!files.isEmpty(), what + ": nothing generated");
        return files.stream().filter(f -> f.getPath().contains("/apis/")).map(ClientGenerationIT::read)
                .reduce("", String::concat);
    }

    private static String read(File file) {
        try {
            return Files.readString(file.toPath());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
