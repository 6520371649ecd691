package io.fanzha.contracts;

import java.util.UUID;

/**
 * Payload of {@code fanzha.reporting-expectation.created.v1}, {@code .updated.v1} and {@code .deleted.v1} on
 * {@code fanzha.casestats.v1}: the regions of {@code level} below {@code regionCode} report in periods of
 * {@code granularity} (WEEK, MONTH, …), by {@code reporter} (a client or user), within {@code deadlineDays} after
 * each period ends; so that reporting can say who did not report.
 */
public record ExpectationData(
        UUID id,
        String regionCode,
        String level,
        String granularity,
        String reporter,
        int deadlineDays,
        long version) {
}
