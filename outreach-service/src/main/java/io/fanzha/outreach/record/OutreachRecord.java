package io.fanzha.outreach.record;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.fanzha.contracts.OutreachData;
import io.fanzha.contracts.OutreachKind;
import io.fanzha.contracts.TargetGroup;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One piece of outreach as its worker logged it, with the office's review and void beside it. The version grows with
 * every change and is set by the writer, not by Hibernate: an edit names the version it was made on.
 */
@Entity
@Table(name = "outreach_record")
public class OutreachRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    public long version;

    @Enumerated(EnumType.STRING)
    public OutreachKind kind;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "task_id")
    public UUID taskId;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_group")
    public TargetGroup targetGroup;

    public Integer materials;

    @Column(name = "people_reached")
    public Integer peopleReached;

    @Column(name = "households_reached")
    public Integer householdsReached;

    @Column(name = "app_installs")
    public Integer appInstalls;

    @Column(name = "receipts_returned")
    public Integer receiptsReturned;

    @Column(name = "questions_answered")
    public Integer questionsAnswered;

    @Column(name = "household_ref")
    public String householdRef;

    @Column(name = "notice_signed")
    public Boolean noticeSigned;

    public BigDecimal latitude;

    public BigDecimal longitude;

    public String note;

    /** How many files its worker said would follow (null: not said). */
    @Column(name = "evidence_expected")
    public Integer evidenceExpected;

    /** How many files are listed on it: kept by the evidence uploads alone, so never written from here. */
    @Column(name = "evidence_received", insertable = false, updatable = false)
    public int evidenceReceived;

    /** Who logged it: the token's subject. */
    public String worker;

    @Column(name = "device_id")
    public String deviceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_state")
    public ReviewState reviewState;

    @Column(name = "review_comment")
    public String reviewComment;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;

    public boolean voided;

    @Column(name = "void_reason")
    public String voidReason;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** What its worker said, as a request would say it: what "the same content" compares. */
    public OutreachContent content() {
        return new OutreachContent(kind, occurredAt.toInstant(), regionCode, unitId, campaignId, taskId, targetGroup,
                new OutreachData.Metrics(materials, peopleReached, householdsReached, appInstalls, receiptsReturned,
                        questionsAnswered),
                householdRef == null ? null : new OutreachData.Household(householdRef, Boolean.TRUE.equals(noticeSigned)),
                latitude == null ? null : new OutreachData.Location(latitude, longitude), note, evidenceExpected);
    }

    /** Takes the worker's content as the record's new state. */
    public void take(OutreachContent content) {
        kind = content.kind();
        occurredAt = content.occurredAt().atOffset(java.time.ZoneOffset.UTC);
        regionCode = content.regionCode();
        unitId = content.unitId();
        campaignId = content.campaignId();
        taskId = content.taskId();
        targetGroup = content.targetGroup();
        OutreachData.Metrics metrics = content.metrics();
        materials = metrics.materials();
        peopleReached = metrics.peopleReached();
        householdsReached = metrics.householdsReached();
        appInstalls = metrics.appInstalls();
        receiptsReturned = metrics.receiptsReturned();
        questionsAnswered = metrics.questionsAnswered();
        householdRef = content.household() == null ? null : content.household().ref();
        noticeSigned = content.household() == null ? null : content.household().noticeSigned();
        latitude = content.location() == null ? null : content.location().lat();
        longitude = content.location() == null ? null : content.location().lon();
        note = content.note();
        evidenceExpected = content.evidenceExpected();
    }

    public OutreachData toData() {
        OutreachContent content = content();
        return new OutreachData(id, kind, occurredAt, regionCode, unitId, campaignId, taskId, targetGroup, content.metrics(),
                content.household(), content.location(), note, worker, deviceId, reviewState.name(), reviewComment,
                reviewedBy, reviewedAt, voided, voidReason, evidenceExpected, version);
    }
}
