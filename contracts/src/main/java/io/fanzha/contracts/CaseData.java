package io.fanzha.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@code fanzha.case.recorded.v1}, {@code fanzha.case.updated.v1} and {@code fanzha.case.deleted.v1}
 * on {@code fanzha.casestats.v1}, keyed by the county of the village: one anonymized fraud case (for a deletion,
 * its last state with the next version), for trace-back: whether outreach reached that household or village before.
 */
public record CaseData(
        UUID id,
        LocalDate occurredOn,
        String regionCode,
        String category,
        BigDecimal loss,
        AgeBand ageBand,
        TargetGroup targetGroup,
        UUID unitId,
        String householdRef,
        long version) {
}
