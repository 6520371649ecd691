package io.fanzha.casestats.completeness;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.platform.period.Granularity;
import io.fanzha.platform.region.RegionLevel;

@Schema(description = "An expectation of reports.", example = """
        {"id": "2b3c4d5e-6f70-4a81-9b2c-3d4e5f6a7b8c", "regionCode": "341825", "level": "VILLAGE",
         "granularity": "WEEK", "reporter": "agency-demo", "deadlineDays": 2, "version": 0}""")
public record ExpectationResponse(UUID id, String regionCode, RegionLevel level, Granularity granularity, String reporter,
        int deadlineDays, long version) {

    static ExpectationResponse of(Expectation expectation) {
        return new ExpectationResponse(expectation.id, expectation.regionCode, expectation.level, expectation.granularity,
                expectation.reporter, expectation.deadlineDays, expectation.version);
    }
}
