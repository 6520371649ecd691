package io.fanzha.campaign.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.fanzha.contracts.CampaignData;
import io.fanzha.platform.persistence.TrackedEntity;

/**
 * A campaign (集中宣传活动): a theme over a period in a region, with its focus fraud categories, target groups and
 * leading group; planned, run and closed.
 */
@Entity
public class Campaign extends TrackedEntity {

    @Id
    public UUID id;

    public String theme;

    public String description;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "focus_categories")
    public List<String> focusCategories;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_groups")
    public List<String> targetGroups;

    @Enumerated(EnumType.STRING)
    public CampaignStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "leading_group")
    public List<CampaignData.LeadingGroupMember> leadingGroup;

    CampaignData toData() {
        return new CampaignData(id, theme, description, regionCode, startDate, endDate, focusCategories, targetGroups,
                status.name(), leadingGroup, version);
    }
}
