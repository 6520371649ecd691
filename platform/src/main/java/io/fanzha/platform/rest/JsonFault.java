package io.fanzha.platform.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.fanzha.platform.period.PeriodFormatException;

/**
 * What is wrong with JSON that could not be read into a request: a stable code, the field at fault (a JSON path such
 * as {@code household.ref}; null when the text is no JSON at all) and a message. The problem of a body that cannot
 * be read, and the refusal of one record of a batch that cannot be (an outreach sync), say it alike.
 */
public record JsonFault(String code, String field, String detail) {

    public static JsonFault of(Exception e) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : null;
        if (field == null) {
            return new JsonFault("request.malformed", null, "The request body is not valid JSON.");
        }
        // Value types (Period, RegionCode) reject bad text in their factories; keep their codes and messages.
        if (e instanceof UnrecognizedPropertyException) {
            return new JsonFault("request.malformed", field, "'" + field + "' is not a field of this request.");
        }
        if (e instanceof StrictJson.RejectedValue rejected) {
            return new JsonFault("request.malformed", field, "'" + field + "' " + rejected.reason() + ".");
        }
        if (e.getCause() instanceof PeriodFormatException period) {
            return new JsonFault("period.invalid", field, period.getMessage());
        }
        if (e.getCause() instanceof IllegalArgumentException invalid) {
            return new JsonFault("request.invalid", field, invalid.getMessage());
        }
        return new JsonFault("request.malformed", field, "The value of '" + field + "' has the wrong type or format.");
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
