package io.fanzha.campaign.region;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.fanzha.contracts.RegionData;
import io.fanzha.platform.persistence.TrackedEntity;
import io.fanzha.platform.region.RegionLevel;

/** A node of the region tree; the denominators of coverage (households, population) live here. */
@Entity
public class Region extends TrackedEntity {

    /** Its kind among the tombstones of deleted records. */
    public static final String KIND = "region";

    @Id
    public String code;

    public String name;

    /** Follows from the code (null only for a province), whether or not the parent is stored. */
    @Column(name = "parent_code")
    public String parentCode;

    @Enumerated(EnumType.STRING)
    public RegionLevel level;

    public String path;

    @Column(name = "resident_households")
    public Integer residentHouseholds;

    public Integer population;

    RegionData toData() {
        return toData(version);
    }

    RegionData toData(long version) {
        return new RegionData(code, name, parentCode, level.name(), path, residentHouseholds, population, version);
    }
}
