package io.fanzha.reporting.assessment;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.contracts.UnitType;
import io.fanzha.platform.problem.ProblemException;

/** The rules of one version of a scheme: the weights of the parts and the targets they are scored against. */
@Schema(description = "How a scheme scores (docs/reports.md, \"Assessment\")", example = """
        {"weights": {"taskCompletion": 30, "coverage": 25, "reportingTimeliness": 15, "caseTrend": 15, "evidenceQuality": 15},
         "weightsByUnitType": {"SCHOOL": {"taskCompletion": 60, "coverage": 0, "reportingTimeliness": 0, "caseTrend": 10,
           "evidenceQuality": 30}},
         "coverageTargetPercent": 100, "caseTrendFullAtPercent": -10, "caseTrendZeroAtPercent": 10}""")
public record SchemeRules(
        @NotNull @Valid Weights weights,
        @Schema(nullable = true, description = "Other weights for units of these types")
        Map<UnitType, @NotNull @Valid Weights> weightsByUnitType,
        @Schema(description = "The household coverage that earns all coverage points", example = "100")
        @NotNull @Min(1) @Max(100) Integer coverageTargetPercent,
        @Schema(description = "A change of cases year on year at or below this earns all case-trend points",
                example = "-10") @NotNull @Min(-100) @Max(1000) Integer caseTrendFullAtPercent,
        @Schema(description = "A change at or above this earns none; in between, points fall in a straight line",
                example = "10") @NotNull @Min(-100) @Max(1000) Integer caseTrendZeroAtPercent) {

    /** The weights a unit of this type is scored with. */
    public Weights weightsFor(String unitType) {
        if (weightsByUnitType != null) {
            for (var entry : weightsByUnitType.entrySet()) {
                if (entry.getKey().name().equals(unitType)) {
                    return entry.getValue();
                }
            }
        }
        return weights;
    }

    /** What field annotations cannot say: weights adding up to 100, the trend's two points in order. */
    void check() {
        checkTotal("rules.weights", weights);
        if (weightsByUnitType != null) {
            weightsByUnitType.forEach((type, typed) -> checkTotal("rules.weightsByUnitType." + type, typed));
        }
        if (caseTrendFullAtPercent >= caseTrendZeroAtPercent) {
            throw ProblemException.invalidField("assessment-scheme.rules-invalid", "rules.caseTrendFullAtPercent",
                    "must be below caseTrendZeroAtPercent");
        }
    }

    private static void checkTotal(String field, Weights weights) {
        if (weights.total() != 100) {
            throw ProblemException.invalidField("assessment-scheme.rules-invalid", field,
                    "must add up to 100, not " + weights.total());
        }
    }
}
