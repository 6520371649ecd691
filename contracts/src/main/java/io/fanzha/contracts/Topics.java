package io.fanzha.contracts;

/** Kafka topics, one per publishing service (docs/events.md). Dead letters go to {@code <topic>.dlq}. */
public final class Topics {

    public static final String CAMPAIGN = "fanzha.campaign.v1";
    public static final String OUTREACH = "fanzha.outreach.v1";
    public static final String CASE_STATS = "fanzha.casestats.v1";

    private Topics() {
    }
}
