package io.fanzha.contracts;

/** CloudEvents {@code type} values. A breaking change of a payload gets a new {@code .vN} type. */
public final class EventTypes {

    public static final String REGION_CREATED = "fanzha.region.created.v2";
    public static final String REGION_UPDATED = "fanzha.region.updated.v2";
    public static final String REGION_DELETED = "fanzha.region.deleted.v2";
    public static final String CAMPAIGN_CREATED = "fanzha.campaign.created.v1";
    public static final String CAMPAIGN_UPDATED = "fanzha.campaign.updated.v1";
    public static final String GOAL_CREATED = "fanzha.goal.created.v1";
    public static final String GOAL_UPDATED = "fanzha.goal.updated.v1";
    public static final String GOAL_DELETED = "fanzha.goal.deleted.v1";
    public static final String TASK_CREATED = "fanzha.task.created.v1";
    public static final String TASK_UPDATED = "fanzha.task.updated.v1";
    public static final String TASK_DELETED = "fanzha.task.deleted.v1";
    public static final String UNIT_CREATED = "fanzha.unit.created.v1";
    public static final String UNIT_UPDATED = "fanzha.unit.updated.v1";
    public static final String ALLIANCE_CREATED = "fanzha.alliance.created.v1";
    public static final String ALLIANCE_UPDATED = "fanzha.alliance.updated.v1";
    public static final String MESSAGING_GROUP_CREATED = "fanzha.messaging-group.created.v1";
    public static final String MESSAGING_GROUP_UPDATED = "fanzha.messaging-group.updated.v1";
    public static final String MESSAGING_GROUP_DELETED = "fanzha.messaging-group.deleted.v1";
    public static final String MESSAGING_PUSH_LOGGED = "fanzha.messaging-push.logged.v1";
    public static final String MESSAGING_PUSH_DELETED = "fanzha.messaging-push.deleted.v1";
    public static final String FRAUD_CATEGORY_CREATED = "fanzha.fraud-category.created.v1";
    public static final String FRAUD_CATEGORY_UPDATED = "fanzha.fraud-category.updated.v1";
    public static final String CASE_REPORT_CREATED = "fanzha.case-report.created.v1";
    public static final String CASE_REPORT_UPDATED = "fanzha.case-report.updated.v1";
    public static final String CASE_REPORT_DELETED = "fanzha.case-report.deleted.v1";
    public static final String CASE_RECORDED = "fanzha.case.recorded.v1";
    public static final String CASE_UPDATED = "fanzha.case.updated.v1";
    public static final String CASE_DELETED = "fanzha.case.deleted.v1";
    public static final String OUTREACH_RECORDED = "fanzha.outreach.recorded.v1";
    public static final String OUTREACH_UPDATED = "fanzha.outreach.updated.v1";
    public static final String OUTREACH_VOIDED = "fanzha.outreach.voided.v1";
    public static final String OUTREACH_RESTORED = "fanzha.outreach.restored.v1";
    public static final String OUTREACH_REVIEWED = "fanzha.outreach.reviewed.v1";
    public static final String SPOT_CHECK_RECORDED = "fanzha.spot-check.recorded.v1";
    public static final String EVIDENCE_ADDED = "fanzha.outreach.evidence-added.v1";
    public static final String EVIDENCE_FLAGGED = "fanzha.outreach.evidence-flagged.v1";
    public static final String EXPECTATION_CREATED = "fanzha.reporting-expectation.created.v1";
    public static final String EXPECTATION_UPDATED = "fanzha.reporting-expectation.updated.v1";
    public static final String EXPECTATION_DELETED = "fanzha.reporting-expectation.deleted.v1";

    /** Published before regions reached above the county ({@link RegionDataV1}); still read when replaying. */
    public static final String REGION_CREATED_V1 = "fanzha.region.created.v1";
    public static final String REGION_UPDATED_V1 = "fanzha.region.updated.v1";

    private EventTypes() {
    }
}
