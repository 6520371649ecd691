package io.fanzha.contracts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code fanzha.campaign.created.v1} and {@code fanzha.campaign.updated.v1}: the campaign's full state
 * after the change. {@code description}, {@code status} and {@code leadingGroup} were added after the first
 * events; consumers ignore fields they do not know, and read their absence in earlier events as null.
 */
public record CampaignData(
        UUID id,
        String theme,
        String description,
        String regionCode,
        LocalDate startDate,
        LocalDate endDate,
        List<String> focusCategories,
        List<String> targetGroups,
        String status,
        List<LeadingGroupMember> leadingGroup,
        long version) {

    /** A member of the campaign's leading group (领导小组): role LEADER, DEPUTY, MEMBER or OFFICE. */
    public record LeadingGroupMember(String name, String role, String position, UUID unitId) {
    }
}
