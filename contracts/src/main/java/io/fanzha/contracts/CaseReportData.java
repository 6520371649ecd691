package io.fanzha.contracts;

import java.util.UUID;

/**
 * Payload of {@code fanzha.case-report.created.v1}, {@code .updated.v1} and {@code .deleted.v1} on
 * {@code fanzha.casestats.v1}, keyed by the county of the region: a report's figures after the change and before it
 * ({@code previous} is null for a creation, {@code figures} null for a deletion), who changed it, and the import
 * it came from. Money is a decimal with two places.
 */
public record CaseReportData(
        String regionCode,
        String period,
        String category,
        CaseFigures figures,
        CaseFigures previous,
        String changedBy,
        UUID importId,
        long version) {
}
