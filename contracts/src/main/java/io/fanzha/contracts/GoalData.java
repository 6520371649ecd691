package io.fanzha.contracts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code fanzha.goal.created.v1}, {@code fanzha.goal.updated.v1} and {@code fanzha.goal.deleted.v1}: a
 * campaign goal's full state (for a deletion, its last state with the next version). {@code metric} is CASES, LOSS,
 * COVERAGE or ACTIVITY_COUNT; {@code period} is a period string (2024-Q1), {@code categories} empty means all.
 */
public record GoalData(
        UUID id,
        UUID campaignId,
        String metric,
        List<String> categories,
        String regionCode,
        String period,
        LocalDate deadline,
        Integer targetChangePercent,
        Integer targetPercent,
        Integer targetCount,
        List<String> outreachKinds,
        long version) {
}
