package io.fanzha.casestats.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.fanzha.contracts.AgeBand;
import io.fanzha.contracts.CaseData;
import io.fanzha.contracts.TargetGroup;
import io.fanzha.platform.persistence.TrackedEntity;

/** One anonymized fraud case: when, where, what kind, how much, and who was defrauded, by age band and group. */
@Entity
@Table(name = "case_record")
public class CaseRecord extends TrackedEntity {

    /** Its kind among the tombstones of deleted records. */
    public static final String KIND = "case";

    @Id
    public UUID id;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    @Column(name = "region_code")
    public String regionCode;

    public String category;

    public BigDecimal loss;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band")
    public AgeBand ageBand;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_group")
    public TargetGroup targetGroup;

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "household_ref")
    public String householdRef;

    @Column(name = "recorded_by")
    public String recordedBy;

    CaseData toData() {
        return toData(version);
    }

    CaseData toData(long version) {
        return new CaseData(id, occurredOn, regionCode, category, loss, ageBand, targetGroup, unitId, householdRef, version);
    }
}
