package io.fanzha.campaign.region;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.fanzha.platform.contract.RegionData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A node of the region tree; the denominators of coverage (households, population) live here. */
@Entity
public class Region extends PanacheEntityBase {

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

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    RegionData toData() {
        return new RegionData(code, name, parentCode, level, path, residentHouseholds, population, version);
    }
}
