package io.fanzha.reporting.worksummary;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fanzha.reporting.readmodel.Freshness;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"within", "from", "to", "totals", "byKind", "freshness"},
        description = "The totals a work summary (工作总结) quotes, from counted outreach", example = """
        {"within": "341825", "unitId": null, "unitName": null, "campaignId": "0d4f6c2a-8e1b-4f3d-9a57-2b6c8d0e1f34", "campaignTheme": "集中宣传活动",
         "from": "2024-01-10", "to": "2024-03-31",
         "totals": {"records": 412, "posters": 1520, "banners": 14, "ledScreens": 52, "leaflets": 3100, "talks": 3,
                    "peopleReached": 318, "householdsVisited": 506, "appInstalls": 240, "receiptsReturned": 96},
         "byKind": [{"kind": "POSTER", "records": 40, "materials": 1520, "peopleReached": 0, "householdsReached": 0,
                     "appInstalls": 0, "receiptsReturned": 0}],
         "freshness": {"generation": 1, "lastEventAt": "2024-03-31T10:00:00Z", "lastEventAppliedAt": "2024-03-31T10:00:00.3Z"}}""")
public record WorkSummary(
        @Schema(description = "The subtree counted") String within,
        @Schema(nullable = true) UUID unitId,
        @Schema(nullable = true) String unitName,
        @Schema(nullable = true) UUID campaignId,
        @Schema(nullable = true) String campaignTheme,
        LocalDate from,
        LocalDate to,
        Totals totals,
        @Schema(description = "Per outreach kind, in kind order") List<KindTotals> byKind,
        Freshness freshness) {

    public record Totals(
            long records,
            @Schema(description = "Materials of POSTER records (海报)") long posters,
            @Schema(description = "Materials of BANNER records (横幅)") long banners,
            @Schema(description = "Materials of LED_SCREEN records (LED屏)") long ledScreens,
            @Schema(description = "Materials of LEAFLET records (宣传单)") long leaflets,
            @Schema(description = "LECTURE records (讲座)") long talks,
            @Schema(description = "People reached, all kinds (受教群众)") long peopleReached,
            @Schema(description = "Distinct households of door-to-door visits (入户走访)") long householdsVisited,
            @Schema(description = "App installs (安装国家反诈中心APP)") long appInstalls,
            @Schema(description = "Receipts returned (回执)") long receiptsReturned) {
    }

    public record KindTotals(String kind, long records, long materials, long peopleReached, long householdsReached,
            long appInstalls, long receiptsReturned) {
    }
}
