package io.fanzha.gateway.openapi;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fanzha.gateway.route.Upstream;

/**
 * The merged document's {@code info}: "Fanzha API", a line per service from its own description, the services'
 * version, contact and license, and which services are missing.
 */
final class MergedInfo {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MergedInfo() {
    }

    static ObjectNode of(Map<Upstream, ObjectNode> documents, Collection<Upstream> missing) {
        ObjectNode info = JSON.objectNode().put("title", "Fanzha API");
        StringBuilder description = new StringBuilder("Fanzha's REST API, every service behind the gateway in one "
                + "document. Call it at the gateway's address with a Keycloak access token (the `keycloak` scheme); "
                + "the gateway routes each path to the service that owns it.\n");
        Set<String> versions = new TreeSet<>();
        documents.forEach((upstream, document) -> {
            JsonNode own = document.path("info");
            String about = own.path("description").asText(own.path("title").asText(""));
            description.append("\n- **").append(upstream.serviceName()).append("**")
                    .append(about.isEmpty() ? "" : ": " + about);
            if (own.path("version").isTextual()) {
                versions.add(own.path("version").asText());
            }
            for (String field : List.of("contact", "license")) {
                if (!info.has(field) && own.get(field) instanceof ObjectNode value) {
                    info.set(field, value.deepCopy());
                }
            }
        });
        if (!missing.isEmpty()) {
            description.append("\n\n**Incomplete**: the document of ")
                    .append(String.join(", ", missing.stream().map(Upstream::serviceName).toList()))
                    .append(" could not be fetched just now, so its operations are left out (`")
                    .append(DocumentMerger.MISSING).append("`); ask again shortly.");
        }
        info.put("description", description.toString());
        info.put("version", versions.isEmpty() ? "1.0.0" : String.join(" / ", versions));
        // Fields in the usual order: title, description, contact, license, version.
        ObjectNode ordered = JSON.objectNode();
        for (String field : List.of("title", "description", "contact", "license", "version")) {
            if (info.has(field)) {
                ordered.set(field, info.get(field));
            }
        }
        return ordered;
    }
}
