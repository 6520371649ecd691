package io.fanzha.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fanzha.platform.rest.ListQuery;
import io.fanzha.platform.rest.SearchQuery;
import io.quarkus.panache.common.Parameters;

/**
 * The where clause of a list query, built from the filters a caller gave: each condition is added only when its
 * value is there, with a named parameter, never by pasting the caller's text into the query.
 */
public final class Where {

    private final StringBuilder clause = new StringBuilder();
    private final Parameters parameters = new Parameters();

    private Where() {
    }

    /** Starts with a condition that always applies, such as the region subtree. */
    public static Where of(String condition, String name, Object value) {
        return new Where().and(condition, name, value);
    }

    /** Starts with a condition that always applies and names several parameters. */
    public static Where of(String condition, Map<String, Object> values) {
        return new Where().and(true, condition, values);
    }

    /**
     * The regions of a subtree (a code prefix, "" for all) and, when {@code above} names regions, those too: the
     * records of a field's region that reach into a caller's scope from above (RegionScope#above).
     */
    public static Where subtreeAnd(String field, String prefix, List<String> above) {
        return above.isEmpty() ? of(field + " like :prefix", "prefix", prefix + "%")
                : of("(" + field + " like :prefix or " + field + " in :above)", Map.of("prefix", prefix + "%", "above", above));
    }

    /** Adds {@code condition} (naming {@code :name}) when {@code value} is not null. */
    public Where and(String condition, String name, Object value) {
        if (value != null) {
            append(condition);
            parameters.and(name, value);
        }
        return this;
    }

    /** Adds {@code condition}, which names each of {@code values}' parameters, when {@code applies}. */
    public Where and(boolean applies, String condition, Map<String, Object> values) {
        if (applies) {
            append(condition);
            values.forEach(parameters::and);
        }
        return this;
    }

    /** Adds the shared list filter {@code updatedSince}, on the entity's {@code updatedAt}. */
    public Where filter(ListQuery list) {
        list.since().ifPresent(since -> and("updatedAt > :updatedSince", "updatedSince", since));
        return this;
    }

    /**
     * Adds the shared list filters and {@code q} as a case-insensitive part of any of {@code textFields} (a field
     * named {@code code} matches as a prefix).
     */
    public Where search(SearchQuery list, String... textFields) {
        list.search().ifPresent(text -> {
            List<String> matches = new ArrayList<>();
            for (String field : textFields) {
                if (field.equals("code")) {
                    matches.add("code like :textPrefix escape '\\'");
                    parameters.and("textPrefix", escapeLike(text) + "%");
                } else {
                    matches.add("lower(" + field + ") like :text escape '\\'");
                    parameters.and("text", "%" + escapeLike(text.toLowerCase()) + "%");
                }
            }
            append(String.join(" or ", matches));
        });
        return filter(list);
    }

    public String clause() {
        return clause.isEmpty() ? "1 = 1" : clause.toString();
    }

    public Parameters parameters() {
        return parameters;
    }

    private void append(String condition) {
        clause.append(clause.isEmpty() ? "" : " and ").append('(').append(condition).append(')');
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
