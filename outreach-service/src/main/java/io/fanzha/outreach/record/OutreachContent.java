package io.fanzha.outreach.record;

import java.time.Instant;
import java.util.UUID;

import io.fanzha.contracts.OutreachData;
import io.fanzha.contracts.OutreachKind;
import io.fanzha.contracts.TargetGroup;

/**
 * The fields a worker's app sends, normalised so that the same content compares equal however it was written: the
 * instant as an instant at PostgreSQL's microsecond precision, a location at six decimals (about 0.1 m), a metric
 * left out as null (and so a count of
 * files to expect).
 */
public record OutreachContent(
        OutreachKind kind,
        Instant occurredAt,
        String regionCode,
        UUID unitId,
        UUID campaignId,
        UUID taskId,
        TargetGroup targetGroup,
        OutreachData.Metrics metrics,
        OutreachData.Household household,
        OutreachData.Location location,
        String note,
        Integer evidenceExpected) {
}
