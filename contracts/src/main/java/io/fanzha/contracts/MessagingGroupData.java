package io.fanzha.contracts;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@code fanzha.messaging-group.created.v1}, {@code .updated.v1} and {@code .deleted.v1}: an anti-fraud
 * messaging group's full state (for a deletion, its last state with the next version), except its responsible
 * person's phone number, which stays in campaign-service. {@code unitId} is null for a group of a region (a building,
 * a village group); {@code regionCode} is always set.
 */
public record MessagingGroupData(
        UUID id,
        MessagingPlatform platform,
        String name,
        String regionCode,
        UUID unitId,
        int memberCount,
        String ownerName,
        LocalDate createdOn,
        boolean active,
        long version) {
}
