package io.fanzha.reporting.summary;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.platform.region.RegionLevel;
import io.fanzha.reporting.readmodel.Freshness;

@Schema(description = "What the reporting read model knows of a region's subtree.", example = """
        {"regionCode": "341825", "name": "旌德县", "level": "COUNTY", "regionCount": 9,
         "regionsByLevel": {"provinces": 0, "prefectures": 0, "counties": 1, "townships": 3, "villages": 5, "grids": 0},
         "residentHouseholds": 50000, "population": 150000,
         "campaigns": {"total": 1, "activeToday": 0},
         "lastChangeAt": "2024-01-15T10:30:00+08:00", "lastEventAppliedAt": "2024-01-15T10:30:00.412+08:00",
         "freshness": {"generation": 1, "lastEventAt": "2024-01-15T10:30:00.120+08:00",
                       "lastEventAppliedAt": "2024-01-15T10:30:00.412+08:00"}}""")
public record RegionSummary(
        String regionCode,
        String name,
        RegionLevel level,
        @Schema(description = "Regions in the subtree, the region itself included") long regionCount,
        @Schema(description = "Regions in the subtree at each level, the region itself included")
        RegionsByLevel regionsByLevel,
        @Schema(nullable = true, description = "The region's own resident households (the coverage denominator); null while unknown")
        Integer residentHouseholds,
        @Schema(nullable = true, description = "Null while unknown") Integer population,
        Campaigns campaigns,
        @Schema(description = "Time of the newest event applied to this subtree") OffsetDateTime lastChangeAt,
        @Schema(nullable = true, description = "When the read models last applied any event (as in freshness)")
        OffsetDateTime lastEventAppliedAt,
        Freshness freshness) {

    public record RegionsByLevel(long provinces, long prefectures, long counties, long townships, long villages,
            long grids) {
    }

    public record Campaigns(long total, long activeToday) {
    }
}
