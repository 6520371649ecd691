package io.fanzha.reporting.bulletin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fanzha.reporting.readmodel.Freshness;

/**
 * The weekly bulletin (通报) of a region for one ISO week: per region of its subtree down to the villages, the
 * week's fraud cases and losses beside the same week last year, by category; the week's outreach by kind; household
 * coverage at the week's end; who did not report; and a 12-week trend. JSON, CSV, XLSX and PDF show the same record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"regionCode", "regionName", "week", "from", "to", "comparedWith", "rows", "outreach",
        "coverage", "notReported", "trend", "freshness"},
        description = "The weekly bulletin of a region's subtree for one ISO week.")
public record Bulletin(
        @Schema(example = "341825") String regionCode,
        @Schema(example = "旌德县") String regionName,
        @Schema(description = "The ISO week", example = "2024-W05") String week,
        @Schema(description = "Its Monday", example = "2024-01-29") LocalDate from,
        @Schema(description = "Its Sunday", example = "2024-02-04") LocalDate to,
        @Schema(description = "The same week one year earlier", example = "2023-W05") String comparedWith,
        @Schema(description = "The region itself first (its total), then every region below it down to the villages, "
                + "in code order (a township followed by its villages)") List<Row> rows,
        @Schema(description = "Outreach of the week in the subtree, by kind (voided and rejected records left out)")
        List<OutreachTotal> outreach,
        @Schema(description = "Household coverage of the region at the week's end") Coverage coverage,
        @Schema(description = "Expected weekly reports that had not arrived (ordered by region code)")
        List<Missing> notReported,
        @Schema(description = "The 12 weeks ending with this one, oldest first") List<TrendWeek> trend,
        @Schema(nullable = true, description = "When figures of this week last changed after the week had ended "
                + "(a late or corrected report); null while never revised") OffsetDateTime revisedAt,
        Freshness freshness) {

    /** One region's line: its figures in all and per fraud category. */
    public record Row(
            @Schema(example = "341825100") String regionCode,
            @Schema(example = "旌德镇") String name,
            @Schema(example = "TOWNSHIP") String level,
            @Schema(description = "0 for the bulletin's region, 1 for its children, …") int depth,
            Figures total,
            @Schema(description = "Categories with cases or losses this week or the same week last year")
            List<CategoryFigures> categories) {
    }

    public record CategoryFigures(
            @Schema(example = "ONLINE_LOAN") String category,
            @Schema(nullable = true, example = "网络贷款诈骗") String name,
            Figures figures) {
    }

    /** A week's figures beside the same week last year; a change is null when last year's figure is 0. */
    public record Figures(
            long cases,
            long casesLastYear,
            @Schema(nullable = true, description = "Percent change, one decimal; null when last year had none",
                    example = "-25.0") BigDecimal casesChangePercent,
            @Schema(description = "CNY, two decimals", example = "125000.00") BigDecimal loss,
            BigDecimal lossLastYear,
            @Schema(nullable = true, example = "12.5") BigDecimal lossChangePercent) {
    }

    public record OutreachTotal(
            @Schema(example = "DOOR_TO_DOOR") String kind,
            long records,
            long peopleReached,
            long householdsReached,
            long materials) {
    }

    public record Coverage(
            long householdsReached,
            @Schema(nullable = true, description = "Null while unknown") Integer residentHouseholds,
            @Schema(nullable = true, description = "Percent, one decimal; null when resident households are unknown "
                    + "or 0", example = "56.3") BigDecimal percent) {
    }

    public record Missing(
            @Schema(example = "341825100201") String regionCode,
            @Schema(nullable = true) String name,
            @Schema(example = "agency-demo") String reporter,
            @Schema(description = "The last day to report", example = "2024-02-06") LocalDate deadline) {
    }

    public record TrendWeek(
            @Schema(example = "2024-W05") String week,
            long cases,
            BigDecimal loss,
            long casesLastYear,
            BigDecimal lossLastYear) {
    }
}
