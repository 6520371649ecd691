package io.fanzha.campaign.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.fanzha.platform.contract.CampaignData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A campaign (集中宣传活动): a theme over a period in a region, with its focus fraud categories and target groups. */
@Entity
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;

    public String theme;

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

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    CampaignData toData() {
        return new CampaignData(id, theme, regionCode, startDate, endDate, focusCategories, targetGroups, version);
    }
}
