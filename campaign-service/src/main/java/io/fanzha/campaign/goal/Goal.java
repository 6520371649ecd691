package io.fanzha.campaign.goal;

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

import io.fanzha.contracts.GoalData;
import io.fanzha.platform.persistence.TrackedEntity;

/** A goal of a campaign; its attainment is computed by reporting-service, never typed in. */
@Entity
public class Goal extends TrackedEntity {

    /** Its kind among the tombstones of deleted records. */
    public static final String KIND = "goal";

    @Id
    public UUID id;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Enumerated(EnumType.STRING)
    public GoalMetric metric;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> categories;

    @Column(name = "region_code")
    public String regionCode;

    public String period;

    public LocalDate deadline;

    @Column(name = "target_change_percent")
    public Integer targetChangePercent;

    @Column(name = "target_percent")
    public Integer targetPercent;

    @Column(name = "target_count")
    public Integer targetCount;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "outreach_kinds")
    public List<String> outreachKinds;

    GoalData toData() {
        return toData(version);
    }

    GoalData toData(long version) {
        return new GoalData(id, campaignId, metric.name(), categories, regionCode, period, deadline, targetChangePercent,
                targetPercent, targetCount, outreachKinds, version);
    }
}
