package io.fanzha.campaign.campaign;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.text.Text;

@Schema(description = "A campaign to create.", example = """
        {"theme": "防范电信网络诈骗集中宣传活动", "regionCode": "341825", "startDate": "2024-01-10",
         "endDate": "2024-03-31", "focusCategories": ["ONLINE_LOAN", "INVESTMENT_GAMBLING", "ORDER_BRUSHING",
         "SHOPPING_REFUND"], "targetGroups": ["ELDERLY", "STUDENTS", "FINANCE_STAFF"]}""")
public record CampaignRequest(
        @NotNull @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
        @CodePointLength(max = 200) @Schema(maxLength = 200) String theme,
        @NotNull @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.MESSAGE) String regionCode,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @Schema(description = "Fraud category codes of the catalogue (e.g. ONLINE_LOAN)")
        @Size(max = 50) List<@NotNull @Pattern(regexp = Text.CODE, message = Text.CODE_MESSAGE) String> focusCategories,
        @Schema(description = "Target group codes (e.g. ELDERLY, STUDENTS)")
        @Size(max = 50) List<@NotNull @Pattern(regexp = Text.CODE, message = Text.CODE_MESSAGE) String> targetGroups) {
}
