package io.fanzha.platform.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.fanzha.platform.money.Money;
import io.fanzha.platform.period.Period;

/**
 * Makes every service's OpenAPI document say what the server does (docs/api.md, "OpenAPI"), in this order:
 * the value types Jackson writes as strings are documented as those strings, conditional reads, the error answers as problems
 * ({@link ProblemAnswers}), schemas no operation uses are dropped, and which fields are always there or may be null
 * ({@link FieldPresence}), which needs the others done. Registered through {@code mp.openapi.filter} in the shared configuration.
 */
public class OpenApiConventions implements OASFilter {

    /** The scanner's UUID pattern is not anchored, so it would take any text that contains a UUID. */
    private static final String SCANNED_UUID = "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}";

    /** Every schema, a component or inline (a list of UUIDs). */
    @Override
    public Schema filterSchema(Schema schema) {
        if (SCANNED_UUID.equals(schema.getPattern())) {
            schema.setPattern("^" + SCANNED_UUID + "$");
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        documentValueTypes(openAPI);
        inlineParameterEnums(openAPI);
        documentConditionalReads(openAPI);
        ProblemAnswers.document(openAPI);
        dropUnusedSchemas(openAPI);
        FieldPresence.document(openAPI);
    }

    /**
     * The scanner lists every {@code @Schema} class of the index, the shared ones of platform too (a bulk answer in
     * a service that takes no bulk request); a document keeps only the schemas its operations use.
     */
    private static void dropUnusedSchemas(OpenAPI openAPI) {
        Set<String> used = FieldPresence.used(openAPI);
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Set.copyOf(openAPI.getComponents().getSchemas().keySet()).stream().filter(name -> !used.contains(name))
                .forEach(openAPI.getComponents()::removeSchema);
    }

    /**
     * An enum parameter with a default is scanned as a reference with the default beside it (in an allOf), which an
     * OpenAPI 3.0 document writes as {@code allOf: [{default}, {$ref}]}: client generators and request validators take
     * that for an object to be sent as JSON. An enum parameter gets its values inline, with its default if any.
     */
    private static void inlineParameterEnums(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of()
                    : operation.getParameters()) {
                Schema schema = parameter.getSchema();
                Schema named = schema == null ? null : named(schemas, schema);
                if (named != null && named.getEnumeration() != null) {
                    parameter.setSchema(OASFactory.createSchema().type(named.getType())
                            .enumeration(named.getEnumeration()).defaultValue(defaultOf(schema)));
                }
            }
        }));
    }

    /** The component a parameter's schema refers to, itself or in its allOf; null when none. */
    private static Schema named(Map<String, Schema> schemas, Schema schema) {
        String ref = schema.getRef();
        for (Schema part : schema.getAllOf() == null ? List.<Schema>of() : schema.getAllOf()) {
            ref = ref != null ? ref : part.getRef();
        }
        return ref == null ? null : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static Object defaultOf(Schema schema) {
        Object value = schema.getDefaultValue();
        for (Schema part : schema.getAllOf() == null ? List.<Schema>of() : schema.getAllOf()) {
            value = value != null ? value : part.getDefaultValue();
        }
        return value;
    }

    /** Every JSON answer to a GET carries an ETag and honours If-None-Match ({@link ConditionalGet}). */
    private static void documentConditionalReads(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            Operation get = item.getGET();
            APIResponse ok = get == null || get.getResponses() == null ? null : get.getResponses().getAPIResponse("200");
            if (ok == null || ok.getContent() == null || ok.getContent().getMediaType(MediaType.APPLICATION_JSON) == null) {
                return;
            }
            Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
            get.addParameter(OASFactory.createParameter().name(HttpHeaders.IF_NONE_MATCH).in(Parameter.In.HEADER)
                    .description("The ETag of the answer you hold: 304 without a body while it is still the answer")
                    .schema(text));
            ok.addHeader(HttpHeaders.ETAG, OASFactory.createHeader()
                    .description("The answer's tag, to send back as If-None-Match").schema(text));
            get.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not Modified: the answer is still the one of the ETag you sent")
                    .addHeader(HttpHeaders.ETAG, OASFactory.createHeader().schema(text)));
        });
    }

    /**
     * A {@link Period} is read and written as its string form, {@link Money} as a string (or read from a number);
     * the scanner would describe their getters.
     */
    private static void documentValueTypes(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas().containsKey(Period.class.getSimpleName())) {
            components.addSchema(Period.class.getSimpleName(), OASFactory.createSchema()
                    .addType(Schema.SchemaType.STRING)
                    .pattern(Period.PATTERN)
                    .description("A period: 2024 (year), 2024-Q1 (quarter), 2024-01 (month), 2024-W05 (ISO week) or "
                            + "2024-01-15 (day), of the years 1900 to 2999; a week or day the calendar lacks is refused.")
                    .example("2024-Q1"));
        }
        // No type, on purpose: a string must match the pattern, a number be at least 0; null means not reported.
        if (components.getSchemas().containsKey(Money.class.getSimpleName())) {
            components.addSchema(Money.class.getSimpleName(), OASFactory.createSchema()
                    .pattern(Money.PATTERN)
                    .minimum(BigDecimal.ZERO)
                    .description("An amount in CNY, at most two decimals: sent as a string (\"125000.50\") or a number "
                            + "(125000.5), answered as a string with two decimals.")
                    .example("125000.50"));
        }
    }
}
