package io.fanzha.contracts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Payload of {@code fanzha.campaign.created.v1}. */
public record CampaignData(
        UUID id,
        String theme,
        String regionCode,
        LocalDate startDate,
        LocalDate endDate,
        List<String> focusCategories,
        List<String> targetGroups,
        long version) {
}
