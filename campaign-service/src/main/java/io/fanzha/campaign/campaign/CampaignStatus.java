package io.fanzha.campaign.campaign;

import java.util.Set;

/** A campaign is planned (DRAFT), run (ACTIVE) and closed (CLOSED), in that order; a closed one is frozen. */
public enum CampaignStatus {
    DRAFT, ACTIVE, CLOSED;

    /** The statuses this one may move to. */
    Set<CampaignStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(ACTIVE);
            case ACTIVE -> Set.of(CLOSED);
            case CLOSED -> Set.of();
        };
    }
}
