package io.fanzha.casestats.completeness;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Who reported a period in a subtree: expected, received, on time, and each region still "
        + "missing or late with its reporter and deadline.", example = """
        {"period": "2024-W05", "within": "341825", "expected": 7, "received": 6, "onTime": 5,
         "missing": [{"regionCode": "341825102202", "reporter": "agency-demo", "deadline": "2024-02-06"}],
         "late": [{"regionCode": "341825101202", "reporter": "agency-demo", "deadline": "2024-02-06"}]}""")
public record CompletenessResponse(String period, String within, int expected, int received, int onTime,
        List<Due> missing, List<Due> late) {

    @Schema(description = "A region whose report is missing or came late.")
    public record Due(String regionCode, String reporter, LocalDate deadline) {
    }
}
