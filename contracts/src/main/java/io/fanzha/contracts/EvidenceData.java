package io.fanzha.contracts;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Payload of {@code fanzha.outreach.evidence-added.v1} on {@code fanzha.outreach.v1}, keyed by the county of the
 * record's region: a file listed on an outreach record (its bytes identified by their SHA-256, so that the same photo
 * on several records is recognised), so that reporting can count evidence.
 */
public record EvidenceData(
        UUID recordId,
        String regionCode,
        String name,
        String sha256,
        long size,
        String contentType,
        String uploadedBy,
        OffsetDateTime uploadedAt) {
}
