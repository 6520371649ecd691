package io.fanzha.platform.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Tells clients which fields are there and which may be null, as Jackson really writes and reads them, so that a
 * generated client neither checks for null where none comes nor trusts a value that may be missing.
 * <ul>
 * <li>An answer's object always has every property (Jackson writes nulls): each schema only answers use gets all
 * its properties as {@code required}; the fields that may be null say so with {@code @Schema(nullable = true)}.
 * A schema that lists its own required properties (the {@code Problem}, which leaves out empty fields) keeps them.</li>
 * <li>A request body's optional property may be left out or sent as null (Jackson reads both alike): each property
 * of a schema requests use that is not required (not {@code @NotNull}) is made nullable. When answers use the
 * schema too, they write such a property as null as well, so the same holds for them.</li>
 * </ul>
 */
final class FieldPresence {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    private FieldPresence() {
    }

    static void document(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null || openAPI.getPaths() == null
                || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        List<Operation> operations = openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream()).toList();
        Set<String> requested = reachable(components, operations.stream()
                .filter(operation -> operation.getRequestBody() != null)
                .flatMap(operation -> schemas(operation.getRequestBody().getContent())));
        Set<String> answered = reachable(components, operations.stream()
                .filter(operation -> operation.getResponses() != null && operation.getResponses().getAPIResponses() != null)
                .flatMap(operation -> operation.getResponses().getAPIResponses().values().stream())
                .flatMap(response -> schemas(response.getContent())));
        components.forEach((name, schema) -> {
            if (schema.getProperties() == null) {
                return;
            }
            if (requested.contains(name)) {
                List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                Map.copyOf(schema.getProperties()).forEach((property, propertySchema) -> {
                    if (!required.contains(property)) {
                        schema.addProperty(property, nullable(propertySchema, components));
                    }
                });
            } else if (answered.contains(name) && (schema.getRequired() == null || schema.getRequired().isEmpty())) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        });
        components.values().stream().filter(schema -> schema.getProperties() != null).forEach(schema ->
                Map.copyOf(schema.getProperties()).forEach((property, propertySchema) ->
                        schema.addProperty(property, nullableReference(propertySchema, components))));
    }

    /**
     * {@code @Schema(nullable = true)} on a field of a referenced type is held as {@code anyOf: [$ref, {type: null}]}
     * and written for OpenAPI 3.0 as {@code allOf: [$ref]} with {@code nullable} and no type, which validators refuse
     * ({@code nullable} needs a {@code type}; Spectral fails every example beside it). A reference to a simple schema
     * (a UUID) becomes a nullable copy of it, as above, keeping the field's own description; one to a schema without
     * a type (money: a string or a number) admits null already and keeps only the reference.
     */
    private static Schema nullableReference(Schema property, Map<String, Schema> components) {
        List<Schema> anyOf = property.getAnyOf();
        if (anyOf == null || anyOf.size() != 2 || property.getType() != null) {
            return property;
        }
        Schema reference = anyOf.stream().filter(schema -> schema.getRef() != null).findFirst().orElse(null);
        boolean orNull = anyOf.stream().anyMatch(schema -> schema.getRef() == null
                && List.of(Schema.SchemaType.NULL).equals(schema.getType()));
        if (reference == null || !orNull) {
            return property;
        }
        Schema referenced = components.get(reference.getRef().substring(COMPONENT_PREFIX.length()));
        Schema target = OASFactory.createSchema();
        if (referenced != null && referenced.getType() != null && referenced.getProperties() == null) {
            target.setAll(referenced.getAll());
            if (!target.getType().contains(Schema.SchemaType.NULL)) {
                target.addType(Schema.SchemaType.NULL);
            }
        } else {
            target.addAllOf(reference);
        }
        property.getAll().forEach((key, value) -> {
            if (!key.equals("anyOf")) {
                target.set(key, value);
            }
        });
        return target;
    }

    /**
     * The schema that also admits null. OpenAPI 3.0 ignores {@code nullable} beside a {@code $ref}, so a reference
     * to a simple schema (a date, a period, a UUID) is replaced by a copy of it; an object is left as it is.
     */
    private static Schema nullable(Schema schema, Map<String, Schema> components) {
        Schema target = schema;
        if (schema.getRef() != null) {
            Schema referenced = components.get(schema.getRef().substring(COMPONENT_PREFIX.length()));
            if (referenced == null || referenced.getProperties() != null || referenced.getType() == null) {
                return schema;
            }
            target = OASFactory.createSchema();
            target.setAll(referenced.getAll());
        }
        if (target.getType() != null && !target.getType().contains(Schema.SchemaType.NULL)) {
            target.addType(Schema.SchemaType.NULL);
        }
        return target;
    }

    private static Stream<Schema> schemas(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return Stream.empty();
        }
        return content.getMediaTypes().values().stream().map(MediaType::getSchema).filter(Objects::nonNull);
    }

    /** The component schemas some operation uses, directly or through others. */
    static Set<String> used(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null || openAPI.getPaths() == null
                || openAPI.getPaths().getPathItems() == null) {
            return Set.of();
        }
        List<Operation> operations = openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream()).toList();
        return reachable(openAPI.getComponents().getSchemas(), operations.stream().flatMap(operation -> Stream.concat(
                operation.getRequestBody() == null ? Stream.empty() : schemas(operation.getRequestBody().getContent()),
                Stream.concat(operation.getParameters() == null ? Stream.empty()
                                : operation.getParameters().stream().map(p -> p.getSchema()).filter(Objects::nonNull),
                        operation.getResponses() == null || operation.getResponses().getAPIResponses() == null
                                ? Stream.empty()
                                : operation.getResponses().getAPIResponses().values().stream()
                                        .flatMap(response -> schemas(response.getContent()))))));
    }

    /** The names of the component schemas these schemas use, directly or through others. */
    private static Set<String> reachable(Map<String, Schema> components, Stream<Schema> roots) {
        Set<String> names = new HashSet<>();
        List<Schema> pending = new ArrayList<>(roots.toList());
        while (!pending.isEmpty()) {
            Schema schema = pending.remove(pending.size() - 1);
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(COMPONENT_PREFIX.length());
                if (names.add(name) && components.get(name) != null) {
                    pending.add(components.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            Stream.of(schema.getItems(), schema.getAdditionalPropertiesSchema()).filter(Objects::nonNull).forEach(pending::add);
            Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(Objects::nonNull).forEach(pending::addAll);
        }
        return names;
    }
}
