package io.fanzha.campaign.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.contracts.TargetGroup;

@Schema(description = "A campaign.", example = """
        {"id": "0b6f1c52-9a55-4d3e-8d7e-7f3f0b1d2c10", "theme": "防范电信网络诈骗集中宣传活动", "description": null,
         "regionCode": "341825", "startDate": "2024-01-10", "endDate": "2024-03-31", "focusCategories": ["ONLINE_LOAN"],
         "targetGroups": ["ELDERLY"], "status": "DRAFT",
         "leadingGroup": [{"name": "张三", "role": "LEADER", "position": "县委副书记", "unitId": null}],
         "createdAt": "2024-01-05T09:00:00+08:00", "updatedAt": "2024-01-05T09:00:00+08:00", "version": 0}""")
public record CampaignResponse(
        UUID id,
        String theme,
        @Schema(nullable = true) String description,
        String regionCode,
        LocalDate startDate,
        LocalDate endDate,
        List<String> focusCategories,
        List<TargetGroup> targetGroups,
        CampaignStatus status,
        List<LeadingGroupMember> leadingGroup,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    static CampaignResponse of(Campaign campaign) {
        return new CampaignResponse(campaign.id, campaign.theme, campaign.description, campaign.regionCode,
                campaign.startDate, campaign.endDate, campaign.focusCategories,
                campaign.targetGroups.stream().map(TargetGroup::valueOf).toList(), campaign.status,
                campaign.leadingGroup.stream().map(LeadingGroupMember::of).toList(), campaign.createdAt,
                campaign.updatedAt, campaign.version);
    }
}
