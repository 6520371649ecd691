package io.fanzha.platform.rest;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.fanzha.platform.text.Text;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON is read exactly as documented (docs/api.md, "Strict input"): one document and nothing after it, no
 * duplicate keys, no unknown fields, numbers as numbers and text as text (no {@code "12"} for 12, no 1.5 for
 * an integer, no 12345 for a name), text free of the characters {@link Text} refuses, and dates as
 * {@code YYYY-MM-DD} between 1900 and 2999. A body that breaks a rule is a 400 naming the field.
 *
 * <p>Event payloads are read with the same mapper but tolerate unknown fields (see {@code CloudEvent.dataAs}),
 * since a payload may gain fields at any time.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Last, so that these deserializers replace the ones Quarkus registers (java.time among them). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // A decimal read untyped (Money takes a string or a number) stays exact, never a double.
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (LogicalType type : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("fanzha-strict-json")
                .addDeserializer(String.class, new CleanString())
                .addDeserializer(LocalDate.class, new PlainDate()));
    }

    /** A value of the right JSON type that breaks a rule; {@link #reason()} is safe to show (it never echoes the value). */
    public static final class RejectedValue extends InvalidFormatException {

        private final String reason;

        RejectedValue(JsonParser parser, String reason, Class<?> type) {
            super(parser, reason, null, type);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Text only from JSON strings, and only clean text. */
    static final class CleanString extends StdScalarDeserializer<String> {

        CleanString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            int forbidden = Text.firstForbidden(text);
            if (forbidden >= 0) {
                throw new RejectedValue(parser, "contains a character that is not allowed: "
                        + Text.describe(text, forbidden), String.class);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** {@code YYYY-MM-DD} of the years 1900 to 2999: PostgreSQL and people both read those. */
    static final class PlainDate extends StdScalarDeserializer<LocalDate> {

        PlainDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            try {
                LocalDate date = DATE.matcher(text).matches() ? LocalDate.parse(text) : null;
                if (date != null && date.getYear() >= 1900 && date.getYear() <= 2999) {
                    return date;
                }
            } catch (DateTimeParseException e) {
                // falls through to the same answer as any other bad date
            }
            throw new RejectedValue(parser, "must be a date YYYY-MM-DD between 1900 and 2999", LocalDate.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }
}
