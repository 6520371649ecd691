package io.fanzha.gateway.openapi;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fanzha.gateway.route.Routes;
import io.fanzha.gateway.route.Upstream;

/**
 * Merges the services' OpenAPI documents into the gateway's one document (docs/gateway.md, "One API document"): each
 * service's paths that the gateway routes to it; components united, a name two services give different content kept
 * by the first and renamed with the later one's prefix, every reference in that service's part rewritten; operation
 * ids kept unique; one OpenID Connect scheme, the gateway's. The services' documents are never changed.
 */
final class DocumentMerger {

    static final String SCHEME = "keycloak";
    static final String MISSING = "x-fanzha-missing";

    private static final Logger LOG = Logger.getLogger(DocumentMerger.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final String COMPONENTS = "#/components/";
    private static final String SECURITY_SCHEMES = "securitySchemes";

    private final Routes routes;
    private final String openIdConnectUrl;
    private final String serverUrl;

    DocumentMerger(Routes routes, URI authServerUrl, String serverUrl) {
        this.routes = routes;
        this.openIdConnectUrl = authServerUrl.toString().replaceAll("/+$", "") + "/.well-known/openid-configuration";
        this.serverUrl = serverUrl;
    }

    /** What the merge has gathered so far. */
    private static final class Merged {
        final ObjectNode paths = JSON.objectNode();
        final Map<String, ObjectNode> components = new LinkedHashMap<>();
        final ArrayNode tags = JSON.arrayNode();
        final Set<String> tagNames = new HashSet<>();
        final Set<String> operationIds = new HashSet<>();
    }

    /** The documents of the services that could be fetched, in the order of {@link Upstream}; the others missing. */
    ObjectNode merge(Map<Upstream, ObjectNode> documents, Collection<Upstream> missing) {
        Merged merged = new Merged();
        documents.forEach((upstream, document) -> add(merged, upstream, document));

        ObjectNode document = JSON.objectNode();
        document.put("openapi", "3.0.3");
        document.set("info", MergedInfo.of(documents, missing));
        document.putArray("servers").addObject().put("url", serverUrl).put("description", "The Fanzha gateway");
        document.putArray("security").addObject().putArray(SCHEME);
        if (!merged.tags.isEmpty()) {
            document.set("tags", merged.tags);
        }
        document.set("paths", merged.paths);
        ObjectNode components = document.putObject("components");
        merged.components.forEach((kind, entries) -> {
            if (!entries.isEmpty()) {
                components.set(kind, entries);
            }
        });
        ObjectNode schemes = components.has(SECURITY_SCHEMES) ? (ObjectNode) components.get(SECURITY_SCHEMES)
                : components.putObject(SECURITY_SCHEMES);
        schemes.putObject(SCHEME).put("type", "openIdConnect").put("openIdConnectUrl", openIdConnectUrl)
                .put("description", "Keycloak, realm fanzha: an access token for the audience fanzha-api.");
        ArrayNode absent = document.putArray(MISSING);
        missing.forEach(upstream -> absent.add(upstream.serviceName()));
        return document;
    }

    private void add(Merged merged, Upstream upstream, ObjectNode document) {
        ObjectNode own = object(document.get("components"));
        Map<String, String> renames = renames(merged, upstream, own);

        for (Map.Entry<String, JsonNode> kind : own.properties()) {
            if (kind.getKey().startsWith("x-") || !kind.getValue().isObject()) {
                continue;
            }
            ObjectNode target = merged.components.computeIfAbsent(kind.getKey(), ignored -> JSON.objectNode());
            for (Map.Entry<String, JsonNode> component : kind.getValue().properties()) {
                if (isOwnScheme(kind.getKey(), component.getKey())) {
                    continue;
                }
                String ref = COMPONENTS + kind.getKey() + "/" + component.getKey();
                String name = renames.containsKey(ref) ? nameOf(renames.get(ref)) : component.getKey();
                // Taken already only by identical content: every differing one was renamed above.
                if (!target.has(name)) {
                    target.set(name, References.rewrite(component.getValue().deepCopy(), renames));
                }
            }
        }

        for (JsonNode tag : array(document.get("tags"))) {
            declareTag(merged, tag);
        }

        for (Map.Entry<String, JsonNode> path : object(document.get("paths")).properties()) {
            Optional<Upstream> owner = routes.owning(path.getKey());
            if (owner.isEmpty() || owner.get() != upstream) {
                LOG.warnf("%s documents %s, which the gateway routes to %s: left out of the gateway's document",
                        upstream.serviceName(), path.getKey(), owner.map(Upstream::serviceName).orElse("no service"));
                continue;
            }
            if (!path.getValue().isObject() || merged.paths.has(path.getKey())) {
                continue;
            }
            ObjectNode item = (ObjectNode) References.rewrite(path.getValue().deepCopy(), renames);
            for (String method : METHODS) {
                if (item.get(method) instanceof ObjectNode operation) {
                    uniqueOperationId(merged, upstream, operation, method, path.getKey());
                    renameRequirements(operation, renames);
                    for (JsonNode tag : array(operation.get("tags"))) {
                        declareTag(merged, JSON.objectNode().put("name", tag.asText()));
                    }
                }
            }
            merged.paths.set(path.getKey(), item);
        }
    }

    /**
     * The components of a service to take under another name: those whose name the merge has already given different
     * content, and then, over and over, those that differ once their references follow those renames.
     */
    private static Map<String, String> renames(Merged merged, Upstream upstream, ObjectNode own) {
        Map<String, String> renames = new LinkedHashMap<>();
        boolean found = true;
        while (found) {
            found = false;
            for (Map.Entry<String, JsonNode> kind : own.properties()) {
                ObjectNode existing = merged.components.get(kind.getKey());
                if (existing == null || !kind.getValue().isObject()) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> component : kind.getValue().properties()) {
                    String ref = COMPONENTS + kind.getKey() + "/" + component.getKey();
                    if (isOwnScheme(kind.getKey(), component.getKey()) || renames.containsKey(ref)
                            || !existing.has(component.getKey())) {
                        continue;
                    }
                    JsonNode followingRenames = References.rewrite(component.getValue().deepCopy(), renames);
                    if (!existing.get(component.getKey()).equals(followingRenames)) {
                        String name = freeName(existing, (ObjectNode) kind.getValue(), renames.values(), kind.getKey(),
                                prefix(upstream, true) + capitalized(component.getKey()));
                        renames.put(ref, COMPONENTS + kind.getKey() + "/" + name);
                        found = true;
                    }
                }
            }
        }
        if (!renames.isEmpty()) {
            LOG.infof("%s gives other content to names another service uses; in the gateway's document: %s",
                    upstream.serviceName(), renames);
        }
        return renames;
    }

    private static String freeName(ObjectNode existing, ObjectNode own, Collection<String> renamed, String kind,
            String wanted) {
        String name = wanted;
        for (int n = 2; existing.has(name) || own.has(name) || renamed.contains(COMPONENTS + kind + "/" + name); n++) {
            name = wanted + n;
        }
        return name;
    }

    private static void uniqueOperationId(Merged merged, Upstream upstream, ObjectNode operation, String method,
            String path) {
        JsonNode id = operation.get("operationId");
        if (id == null || !id.isTextual() || merged.operationIds.add(id.asText())) {
            return;
        }
        String wanted = prefix(upstream, false) + capitalized(id.asText());
        String unique = wanted;
        for (int n = 2; !merged.operationIds.add(unique); n++) {
            unique = wanted + n;
        }
        LOG.warnf("%s: operationId %s of %s %s is another service's too; it is %s in the gateway's document",
                upstream.serviceName(), id.asText(), method.toUpperCase(), path, unique);
        operation.put("operationId", unique);
    }

    /** An operation's security requirements name schemes, not references: they follow a renamed scheme too. */
    private static void renameRequirements(ObjectNode operation, Map<String, String> renames) {
        for (JsonNode requirement : array(operation.get("security"))) {
            if (!(requirement instanceof ObjectNode names)) {
                continue;
            }
            for (String name : new ArrayList<>(names.properties().stream().map(Map.Entry::getKey).toList())) {
                String renamed = renames.get(COMPONENTS + SECURITY_SCHEMES + "/" + name);
                if (renamed != null) {
                    names.set(nameOf(renamed), names.remove(name));
                }
            }
        }
    }

    private static void declareTag(Merged merged, JsonNode tag) {
        String name = tag.path("name").asText("");
        if (!name.isEmpty() && merged.tagNames.add(name)) {
            merged.tags.add(tag.deepCopy());
        }
    }

    private static boolean isOwnScheme(String kind, String name) {
        return kind.equals(SECURITY_SCHEMES) && name.equals(SCHEME);
    }

    /** Campaign, Outreach, CaseStats, Reporting (or campaign, …, caseStats, … for operation ids). */
    static String prefix(Upstream upstream, boolean capitalized) {
        StringBuilder prefix = new StringBuilder();
        for (String word : upstream.name().toLowerCase().split("_")) {
            prefix.append(prefix.length() == 0 && !capitalized ? word : capitalized(word));
        }
        return prefix.toString();
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String nameOf(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static ObjectNode object(JsonNode node) {
        return node instanceof ObjectNode object ? object : JSON.objectNode();
    }

    private static ArrayNode array(JsonNode node) {
        return node instanceof ArrayNode array ? array : JSON.arrayNode();
    }
}
