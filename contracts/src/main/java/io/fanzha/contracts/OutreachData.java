package io.fanzha.contracts;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Payload of every {@code fanzha.outreach.*.v1} event about a record (recorded, updated, voided, restored, reviewed)
 * on {@code fanzha.outreach.v1}, keyed by the county of its region: the record's full state after the change. Voided
 * and rejected records never count in reports; {@code version} grows with every change;
 * {@code evidenceExpected} is how many files its worker said would follow (null: not said), and each that does is
 * announced by {@code fanzha.outreach.evidence-added.v1}.
 */
public record OutreachData(
        UUID id,
        OutreachKind kind,
        OffsetDateTime occurredAt,
        String regionCode,
        UUID unitId,
        UUID campaignId,
        UUID taskId,
        TargetGroup targetGroup,
        Metrics metrics,
        Household household,
        Location location,
        String note,
        String worker,
        String deviceId,
        String reviewState,
        String reviewComment,
        String reviewedBy,
        OffsetDateTime reviewedAt,
        boolean voided,
        String voidReason,
        Integer evidenceExpected,
        long version) {

    /** What the outreach achieved; a metric left out was not counted (null), never 0. */
    public record Metrics(Integer materials, Integer peopleReached, Integer householdsReached, Integer appInstalls,
            Integer receiptsReturned, Integer questionsAnswered) {
    }

    /** A door-to-door visit's household: an opaque reference unique within its village, never an ID number. */
    public record Household(String ref, boolean noticeSigned) {
    }

    public record Location(BigDecimal lat, BigDecimal lon) {
    }
}
