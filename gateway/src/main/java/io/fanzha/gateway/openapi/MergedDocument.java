package io.fanzha.gateway.openapi;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fanzha.gateway.route.Upstream;

/**
 * A merge, written once as JSON and as YAML so that answering it costs no more than sending bytes; with the services
 * whose documents it lacks.
 */
record MergedDocument(byte[] json, byte[] yaml, List<Upstream> missing) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

    static MergedDocument of(ObjectNode document, List<Upstream> missing) {
        try {
            return new MergedDocument(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document),
                    YAML.writeValueAsBytes(document), List.copyOf(missing));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The merged OpenAPI document cannot be written", e);
        }
    }

    boolean complete() {
        return missing.isEmpty();
    }

    /** No service's document could be fetched: there is nothing to answer with. */
    boolean empty() {
        return missing.size() == Upstream.values().length;
    }
}
