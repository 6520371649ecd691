package io.fanzha.campaign.task;

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

import io.fanzha.contracts.TaskData;
import io.fanzha.platform.persistence.TrackedEntity;

/** A task of a campaign's plan, for its responsible units, by a deadline; its progress is reporting's to compute. */
@Entity
public class Task extends TrackedEntity {

    /** Its kind among the tombstones of deleted records. */
    public static final String KIND = "task";

    @Id
    public UUID id;

    @Column(name = "campaign_id")
    public UUID campaignId;

    public String title;

    @Enumerated(EnumType.STRING)
    public TaskKind kind;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "unit_ids")
    public List<UUID> unitIds;

    @Column(name = "region_code")
    public String regionCode;

    public LocalDate deadline;

    @Column(name = "quota_count")
    public Integer quotaCount;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "quota_kinds")
    public List<String> quotaKinds;

    @Column(name = "quota_coverage_percent")
    public Integer quotaCoveragePercent;

    public String notes;

    TaskData toData() {
        return toData(version);
    }

    TaskData toData(long version) {
        return new TaskData(id, campaignId, title, kind.name(), unitIds, regionCode, deadline, quotaCount, quotaKinds,
                quotaCoveragePercent, notes, version);
    }
}
