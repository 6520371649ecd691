package io.fanzha.contracts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code fanzha.task.created.v1}, {@code fanzha.task.updated.v1} and {@code fanzha.task.deleted.v1}: a
 * campaign task's full state (for a deletion, its last state with the next version). {@code kind} is SOCIAL_FACE,
 * DOOR_TO_DOOR, MESSAGING_GROUPS, SPECIAL_SESSION, TRAINING or OTHER; the quota is a count of outreach of the given
 * kinds, or a coverage percent, or none.
 */
public record TaskData(
        UUID id,
        UUID campaignId,
        String title,
        String kind,
        List<UUID> unitIds,
        String regionCode,
        LocalDate deadline,
        Integer quotaCount,
        List<String> quotaKinds,
        Integer quotaCoveragePercent,
        String notes,
        long version) {
}
