package io.fanzha.campaign.region;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.platform.region.RegionLevel;

@Schema(description = "A region of the province → prefecture → county → township → village → grid tree.", example = """
        {"code": "341825100201", "name": "某某村", "parentCode": "341825100", "level": "VILLAGE",
         "path": "34/3418/341825/341825100/341825100201", "residentHouseholds": 420, "population": 1310,
         "updatedAt": "2024-01-15T10:30:00+08:00", "version": 0}""")
public record RegionResponse(
        String code,
        String name,
        @Schema(nullable = true, description = "Follows from the code, whether or not the parent is stored; null for "
                + "a province") String parentCode,
        RegionLevel level,
        @Schema(description = "Codes from the province down to this region, joined by '/'") String path,
        @Schema(nullable = true, description = "Null while unknown") Integer residentHouseholds,
        @Schema(nullable = true, description = "Null while unknown") Integer population,
        OffsetDateTime updatedAt,
        long version) {

    static RegionResponse of(Region region) {
        return new RegionResponse(region.code, region.name, region.parentCode, region.level, region.path,
                region.residentHouseholds, region.population, region.updatedAt, region.version);
    }
}
