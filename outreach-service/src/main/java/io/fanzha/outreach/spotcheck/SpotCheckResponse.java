package io.fanzha.outreach.spotcheck;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "SpotCheck", description = "A drawn sample and the revisits' results so far")
public record SpotCheckResponse(
        UUID id,
        String within,
        String period,
        int percent,
        int minimumPerVillage,
        int minimumPerWorker,
        long seed,
        @Schema(description = "Household visits the sample was drawn from") int candidates,
        String drawnBy,
        OffsetDateTime drawnAt,
        @Schema(description = "The sample, in rank order") List<Item> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SpotCheckItem", description = "A sampled visit; result, note, checkedBy and checkedAt are left out "
            + "until its revisit is recorded.", requiredProperties = { "recordId", "regionCode", "worker", "rank" })
    public record Item(UUID recordId, String regionCode, String worker, String rank, RevisitResult result, String note,
            String checkedBy, OffsetDateTime checkedAt) {

        static Item of(SpotCheckItem item) {
            return new Item(item.recordId, item.regionCode, item.worker, item.rank, item.result, item.note,
                    item.checkedBy, item.checkedAt);
        }
    }

    static SpotCheckResponse of(SpotCheck check, List<SpotCheckItem> items) {
        return new SpotCheckResponse(check.id, check.regionCode, check.period, check.percent, check.minimumPerVillage,
                check.minimumPerWorker, check.seed, check.candidates, check.drawnBy, check.drawnAt,
                items.stream().map(Item::of).toList());
    }
}
