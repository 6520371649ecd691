package io.fanzha.campaign.region;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.fanzha.contracts.RegionData;
import io.fanzha.platform.persistence.TrackedEntity;

/** A node of the region tree; the denominators of coverage (households, population) live here. */
@Entity
public class Region extends TrackedEntity {

    @Id
    public String code;

    public String name;

    @Column(name = "parent_code")
    public String parentCode;

    public int level;

    public String path;

    @Column(name = "resident_households")
    public Integer residentHouseholds;

    public Integer population;

    RegionData toData() {
        return new RegionData(code, name, parentCode, level, path, residentHouseholds, population, version);
    }
}
