package io.fanzha.platform.rest;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * One page of a list answer. Pages are 0-based; {@code size} is capped by {@link #MAX_SIZE}. {@code removed}: for a
 * list asked for the changes since an instant, on its first page, the ids deleted since then (null otherwise).
 */
public record Page<T>(List<T> items, int page, int size, long total,
        @Schema(nullable = true, description = "Only on page 0 of a list asked with updatedSince: the ids (codes, for "
                + "regions) of what was deleted since then, oldest first, at most 10,000") List<String> removed) {

    public static final int MAX_SIZE = 500;
    public static final String DEFAULT_SIZE = "50";

    /**
     * The requested page of a query. The offset is computed without overflow: a page past the end is empty,
     * however large its number.
     */
    public static <E> Page<E> of(PanacheQuery<E> query, int page, int size) {
        long first = (long) page * size;
        long total = query.count();
        List<E> items = first >= total ? List.of() : query.range((int) first, (int) Math.min(first + size, total) - 1).list();
        return new Page<>(items, page, size, total, null);
    }

    /** The page a list query names. */
    public static <E> Page<E> of(PanacheQuery<E> query, ListQuery list) {
        return of(query, list.page, list.size);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total, removed);
    }

    public Page<T> withRemoved(List<String> ids) {
        return new Page<>(items, page, size, total, ids);
    }
}
