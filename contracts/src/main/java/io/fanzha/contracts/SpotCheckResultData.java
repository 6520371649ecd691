package io.fanzha.contracts;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Payload of {@code fanzha.spot-check.recorded.v1} on {@code fanzha.outreach.v1}, keyed by the county of the visit's
 * village: what the revisit of a sampled household visit found ({@code result} CONFIRMED, NOT_REACHED or DENIED),
 * so that assessment can weigh each worker's and village's confirmation rate. A later result for the same spot check
 * and record replaces the earlier one.
 */
public record SpotCheckResultData(
        UUID spotCheckId,
        UUID recordId,
        String regionCode,
        String worker,
        String result,
        String note,
        String checkedBy,
        OffsetDateTime checkedAt) {
}
