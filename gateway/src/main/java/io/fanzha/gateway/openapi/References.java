package io.fanzha.gateway.openapi;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** References to components ({@code #/components/schemas/Region}) that follow a service's renamed components. */
final class References {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private References() {
    }

    /** Rewrites every reference to a renamed component ({@code $ref}s and discriminator mappings), in place. */
    static JsonNode rewrite(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (field.getKey().equals("$ref") && value.isTextual()) {
                    field.setValue(JSON.textNode(renamed(value.asText(), renames)));
                } else if (field.getKey().equals("discriminator") && value.path("mapping") instanceof ObjectNode mapping) {
                    for (Map.Entry<String, JsonNode> target : mapping.properties()) {
                        target.setValue(JSON.textNode(renamed(target.getValue().asText(), renames)));
                    }
                } else {
                    rewrite(value, renames);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewrite(element, renames));
        }
        return node;
    }

    /** A reference to a renamed component, or into one ({@code #/components/schemas/Region/properties/code}). */
    private static String renamed(String ref, Map<String, String> renames) {
        String exact = renames.get(ref);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            if (ref.startsWith(rename.getKey() + "/")) {
                return rename.getValue() + ref.substring(rename.getKey().length());
            }
        }
        return ref;
    }
}
