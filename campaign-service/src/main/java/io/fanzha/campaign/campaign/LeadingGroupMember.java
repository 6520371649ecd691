package io.fanzha.campaign.campaign;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import io.fanzha.contracts.CampaignData;
import io.fanzha.platform.text.Text;

/** A member of the leading group (领导小组) of a campaign. */
@Schema(description = "A member of the campaign's leading group (领导小组)")
public record LeadingGroupMember(
        @NotNull @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
        @CodePointLength(max = 50) @Schema(maxLength = 50) String name,
        @NotNull Role role,
        @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
        @CodePointLength(max = 50) @Schema(maxLength = 50, description = "e.g. 县委副书记") String position,
        @Schema(description = "The unit the member represents, if any") UUID unitId) {

    /** 组长, 副组长, 成员, 办公室. */
    public enum Role {
        LEADER, DEPUTY, MEMBER, OFFICE
    }

    CampaignData.LeadingGroupMember toData() {
        return new CampaignData.LeadingGroupMember(name, role.name(), position, unitId);
    }

    static LeadingGroupMember of(CampaignData.LeadingGroupMember data) {
        return new LeadingGroupMember(data.name(), Role.valueOf(data.role()), data.position(), data.unitId());
    }
}
