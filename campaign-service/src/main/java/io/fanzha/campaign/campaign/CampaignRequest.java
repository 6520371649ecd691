package io.fanzha.campaign.campaign;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import io.fanzha.contracts.TargetGroup;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.text.Text;

@Schema(description = "A campaign to create, or its new content (with the version it was read at).", example = """
        {"theme": "防范电信网络诈骗集中宣传活动", "regionCode": "341825", "startDate": "2024-01-10",
         "endDate": "2024-03-31", "focusCategories": ["ONLINE_LOAN", "INVESTMENT_GAMBLING", "ORDER_BRUSHING",
         "SHOPPING_REFUND"], "targetGroups": ["ELDERLY", "STUDENTS", "FINANCE_STAFF"],
         "leadingGroup": [{"name": "张三", "role": "LEADER", "position": "县委副书记"}]}""")
public record CampaignRequest(
        @NotNull @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
        @CodePointLength(max = 200) @Schema(maxLength = 200) String theme,
        @Schema(maxLength = 4000, description = "The plan's text; may have several lines")
        @CodePointLength(max = 4000) String description,
        @NotNull @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.MESSAGE) String regionCode,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @Schema(description = "Fraud category codes of the catalogue (e.g. ONLINE_LOAN)")
        @Size(max = 50) List<@NotNull @Pattern(regexp = Text.CODE, message = Text.CODE_MESSAGE) String> focusCategories,
        @Size(max = 14) List<@NotNull TargetGroup> targetGroups,
        @Schema(description = "The leading group (领导小组); each unitId must be a unit") @Size(max = 50)
        List<@NotNull @Valid LeadingGroupMember> leadingGroup,
        @Schema(description = "For an update: the version you read; a newer stored version is 409 campaign.stale")
        Long version) {
}
