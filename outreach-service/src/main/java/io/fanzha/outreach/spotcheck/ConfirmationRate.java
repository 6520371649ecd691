package io.fanzha.outreach.spotcheck;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How a worker's or village's sampled visits were found on revisit. rate = confirmed / (confirmed "
        + "+ denied); null while none was confirmed or denied.")
public record ConfirmationRate(
        @Schema(description = "The worker or the village code") String key,
        long revisited,
        long confirmed,
        long notReached,
        long denied,
        @Schema(nullable = true) Double rate) {
}
