package io.fanzha.outreach.record;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.contracts.EventTypes;
import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.rest.ListQuery;
import io.fanzha.platform.rest.Page;
import io.quarkus.panache.common.Sort;

/** Reads records, and makes the office's changes to them: void, restore, review (docs/outreach.md). */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class OutreachRecords {

    @Inject
    OutreachWriter writer;

    /** The record, if the caller may read it: in their scope, and their own for a field worker. */
    @Transactional(TxType.SUPPORTS)
    public OutreachRecord readable(UUID id, OutreachWriter.Caller caller) {
        OutreachRecord record = caller.scope().readable(OutreachRecord.<OutreachRecord>findByIdOptional(id),
                found -> found.regionCode, () -> notFound(id));
        if (caller.ownOnly() && !record.worker.equals(caller.user())) {
            throw ProblemException.forbidden("outreach.not-yours", "Record " + id + " was logged by someone else.");
        }
        return record;
    }

    @Transactional(TxType.SUPPORTS)
    public Page<OutreachRecord> list(Where where, ListQuery list) {
        return Page.of(OutreachRecord.<OutreachRecord>find(where.clause(), Sort.by("occurredAt", Sort.Direction.Descending)
                .and("id"), where.parameters()), list);
    }

    @Transactional(TxType.SUPPORTS)
    public List<OutreachRecordVersion> versions(UUID id, OutreachWriter.Caller caller) {
        readable(id, caller);
        return OutreachRecordVersion.list("recordId", Sort.by("version"), id);
    }

    /** Voids a record (it no longer counts) with a reason; voiding a voided record changes nothing. */
    public OutreachRecord voidRecord(UUID id, String reason, OutreachWriter.Caller caller) {
        OutreachRecord record = changeable(id, caller);
        if (!record.voided) {
            record.voided = true;
            record.voidReason = reason;
            bump(record, "VOIDED", EventTypes.OUTREACH_VOIDED, caller);
        }
        return record;
    }

    /** Counts a voided record again. */
    public OutreachRecord restore(UUID id, OutreachWriter.Caller caller) {
        OutreachRecord record = changeable(id, caller);
        if (record.voided) {
            record.voided = false;
            record.voidReason = null;
            bump(record, "RESTORED", EventTypes.OUTREACH_RESTORED, caller);
        }
        return record;
    }

    /** An inspector's decision; the same decision again changes nothing. */
    public OutreachRecord review(UUID id, ReviewRequest review, OutreachWriter.Caller caller) {
        OutreachRecord record = caller.scope().readable(OutreachRecord.<OutreachRecord>findByIdOptional(id),
                found -> found.regionCode, () -> notFound(id));
        if (review.state() == ReviewState.PENDING) {
            throw ProblemException.invalidField("review.state-invalid", "state", "A review decides: APPROVED, "
                    + "HAS_ISSUES or REJECTED.");
        }
        if (review.state() != ReviewState.APPROVED && (review.comment() == null || review.comment().isBlank())) {
            throw ProblemException.invalidField("review.comment-missing", "comment", "Say what is wrong: a record "
                    + "with issues or rejected needs a comment its worker can act on.");
        }
        if (record.reviewState != review.state() || !java.util.Objects.equals(record.reviewComment, review.comment())) {
            record.reviewState = review.state();
            record.reviewComment = review.comment();
            record.reviewedBy = caller.user();
            record.reviewedAt = OutreachWriter.now();
            bump(record, "REVIEWED", EventTypes.OUTREACH_REVIEWED, caller);
        }
        return record;
    }

    /**
     * A spot check's revisit found the visit denied: the record gets HAS_ISSUES with why, for an inspector to decide,
     * unless it is rejected already.
     */
    public void underReview(UUID id, String comment, OutreachWriter.Caller caller) {
        OutreachRecord record = OutreachRecord.<OutreachRecord>findByIdOptional(id).orElseThrow(() -> notFound(id));
        if (record.reviewState != ReviewState.REJECTED && !comment.equals(record.reviewComment)) {
            record.reviewState = ReviewState.HAS_ISSUES;
            record.reviewComment = comment;
            record.reviewedBy = caller.user();
            record.reviewedAt = OutreachWriter.now();
            bump(record, "REVIEWED", EventTypes.OUTREACH_REVIEWED, caller);
        }
    }

    /** The record, if the caller may change it: in their scope, and their own unless they manage the scope. */
    public OutreachRecord changeable(UUID id, OutreachWriter.Caller caller) {
        OutreachRecord record = caller.scope().writable(OutreachRecord.<OutreachRecord>findByIdOptional(id),
                found -> found.regionCode, () -> notFound(id));
        if (!record.worker.equals(caller.user()) && !caller.scope().manages()) {
            throw ProblemException.forbidden("outreach.not-yours", "Record " + id + " was logged by someone else; only "
                    + "its worker, an admin or a coordinator may change it.");
        }
        return record;
    }

    private void bump(OutreachRecord record, String action, String type, OutreachWriter.Caller caller) {
        record.version++;
        record.updatedAt = OutreachWriter.now();
        writer.changed(record, action, type, caller);
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("outreach.not-found", "Outreach record " + id + " does not exist.");
    }
}
