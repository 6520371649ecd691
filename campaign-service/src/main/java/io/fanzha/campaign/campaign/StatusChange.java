package io.fanzha.campaign.campaign;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The status a campaign moves to, and the version it was read at.", example = """
        {"status": "ACTIVE", "version": 0}""")
public record StatusChange(@NotNull CampaignStatus status, Long version) {
}
