package io.fanzha.casestats.completeness;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.fanzha.contracts.ExpectationData;
import io.fanzha.platform.period.Granularity;
import io.fanzha.platform.persistence.TrackedEntity;
import io.fanzha.platform.region.RegionLevel;

/** The regions of a level below a root report in periods of a form, by a reporter, within days after each period. */
@Entity
@Table(name = "reporting_expectation")
public class Expectation extends TrackedEntity {

    @Id
    public UUID id;

    @Column(name = "region_code")
    public String regionCode;

    @Enumerated(EnumType.STRING)
    public RegionLevel level;

    @Enumerated(EnumType.STRING)
    public Granularity granularity;

    public String reporter;

    @Column(name = "deadline_days")
    public int deadlineDays;

    ExpectationData toData() {
        return toData(version);
    }

    ExpectationData toData(long version) {
        return new ExpectationData(id, regionCode, level.name(), granularity.name(), reporter, deadlineDays, version);
    }
}
