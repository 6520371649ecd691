package io.fanzha.contracts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code fanzha.outreach.evidence-flagged.v1} on {@code fanzha.outreach.v1}, keyed by the county of the
 * record's region: a file of this record (by its SHA-256) is also on a record of another household's visit
 * ({@code DIFFERENT_HOUSEHOLDS}) or of another day ({@code DIFFERENT_DAYS}), so that one of them is likely faked;
 * {@code sharedWith} names every other record holding the file when it was flagged. Sent once per record and file,
 * when a record holding it makes the reuse visible; each record involved gets its own.
 */
public record EvidenceFlagData(
        UUID recordId,
        String regionCode,
        UUID unitId,
        String worker,
        String sha256,
        String reason,
        List<UUID> sharedWith,
        OffsetDateTime flaggedAt) {
}
