package io.fanzha.platform.problem;

/** One invalid field of a request: {@code field} is its JSON path (e.g. {@code metrics.peopleReached}). */
public record Violation(String field, String message) {
}
