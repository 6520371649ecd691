package io.fanzha.platform.rest;

import java.util.List;
import java.util.function.Function;

/** One page of a list answer. Pages are 0-based; {@code size} is capped by {@link #MAX_SIZE}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;
    public static final String DEFAULT_SIZE = "50";

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
