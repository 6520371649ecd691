package io.fanzha.outreach.record;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.OutreachData;
import io.fanzha.contracts.OutreachKind;
import io.fanzha.contracts.Topics;
import io.fanzha.outreach.plan.Plan;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.privacy.PersonalData;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.region.RegionLevel;
import io.fanzha.platform.rest.JsonFault;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.fanzha.platform.time.Days;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Stores what workers' apps send (docs/outreach.md, "Sync"): a new record, the same record again, or an edit made on
 * a version. Records are decided one by one, so that one bad record never blocks the others, and the ids of a batch
 * are locked first, so that two copies of a batch arriving at once store each record once.
 */
@ApplicationScoped
public class OutreachWriter {

    /** How far a phone's clock may run ahead of the server's. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Namespace of the advisory locks on record ids. */
    private static final int LOCK_SPACE = 0x0F2E;

    public enum Outcome {
        CREATED, UNCHANGED, UPDATED, CONFLICT, REJECTED
    }

    /**
     * What became of one record: its version now (for a conflict, the stored one), and for a conflict or a refusal a
     * stable code, the field at fault, a message and the HTTP status a single-record request answers with.
     */
    public record Result(int index, UUID id, Outcome outcome, Long version, String code, String field, String message,
            int status, OutreachRecord record) {

        static Result refused(int index, UUID id, int status, String code, String field, String message) {
            return new Result(index, id, Outcome.REJECTED, null, code, field, message, status, null);
        }
    }

    /**
     * Who acts: the token's user, the app's device, the caller's scope, and whether they see only their own records
     * (a field worker, who is neither a manager nor an inspector).
     */
    public record Caller(String user, String deviceId, RegionScope scope, boolean ownOnly) {

        /** The request's caller; {@code deviceId} only for a sync. */
        public static Caller of(SecurityIdentity identity, RegionScope scope, String deviceId) {
            return new Caller(identity.getPrincipal().getName(), deviceId, scope,
                    !Roles.holdsAny(identity.getRoles(), Set.of(Roles.ADMIN, Roles.COORDINATOR, Roles.INSPECTOR)));
        }
    }

    /** Thrown by a check: the record is refused with this code. */
    private static final class Refusal extends RuntimeException {
        final int status;
        final String code;
        final String field;

        Refusal(int status, String code, String field, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.field = field;
        }
    }

    @Inject
    Plan plan;

    @Inject
    Outbox outbox;

    @Inject
    Validator validator;

    @Inject
    EntityManager em;

    @Inject
    Event<RecordEdited> edited;

    /**
     * Decides and stores each record (null where a record could not be read: {@code unreadable} says why). With
     * {@code dryRun} nothing is stored; with {@code atomic} nothing is stored when any record is refused or conflicts.
     */
    @Transactional
    public List<Result> write(List<OutreachRequest> requests, Map<Integer, JsonFault> unreadable, Caller caller,
            boolean dryRun, boolean atomic) {
        List<UUID> ids = named(requests, OutreachRequest::id);
        lock(ids);
        // The look-up of a batch's ids is planned for the table as it is now: a cached generic plan made while the
        // table was small scanned it whole, and took seconds per batch at 200,000 records (docs/benchmarks.md).
        em.createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
        Map<UUID, OutreachRecord> stored = new HashMap<>();
        if (!ids.isEmpty()) {
            OutreachRecord.<OutreachRecord>list("id in ?1", ids).forEach(record -> stored.put(record.id, record));
        }
        Plan.Known known = plan.lookUp(named(requests, OutreachRequest::regionCode), named(requests,
                OutreachRequest::unitId), named(requests, OutreachRequest::campaignId), named(requests, OutreachRequest::taskId));
        List<Result> results = new ArrayList<>();
        for (int index = 0; index < requests.size(); index++) {
            OutreachRequest request = requests.get(index);
            results.add(request == null
                    ? Result.refused(index, null, 400, unreadable.get(index).code(), unreadable.get(index).field(),
                            unreadable.get(index).detail())
                    : decide(index, request, stored, known, caller));
        }
        boolean refused = results.stream().anyMatch(result -> result.outcome() == Outcome.CONFLICT
                || result.outcome() == Outcome.REJECTED);
        if (dryRun || (atomic && refused)) {
            QuarkusTransaction.setRollbackOnly();
        }
        return results;
    }

    /** What the readable records of a batch name in one field, once each. */
    private static <T> List<T> named(List<OutreachRequest> requests, Function<OutreachRequest, T> field) {
        return requests.stream().filter(Objects::nonNull).map(field).filter(Objects::nonNull).distinct().toList();
    }

    /**
     * Locks the ids in one order, so that two batches sharing records wait for each other instead of deadlocking; held
     * until the caller's transaction ends. Whoever takes other locks too takes these first.
     */
    public void lock(List<UUID> ids) {
        Integer[] keys = ids.stream().map(id -> id.hashCode()).distinct().sorted().toArray(Integer[]::new);
        if (keys.length > 0) {
            em.createNativeQuery("select count(pg_advisory_xact_lock(" + LOCK_SPACE + ", k)) from unnest(?1) as t(k)")
                    .setParameter(1, keys).getSingleResult();
        }
    }

    private Result decide(int index, OutreachRequest request, Map<UUID, OutreachRecord> stored, Plan.Known known,
            Caller caller) {
        for (ConstraintViolation<OutreachRequest> violation : validator.validate(request)) {
            return Result.refused(index, request.id(), 400, "request.invalid", violation.getPropertyPath().toString(),
                    violation.getMessage());
        }
        OutreachContent content = withTaskCampaign(request.content(), known);
        OutreachRecord record = stored.get(request.id());
        try {
            if (record == null) {
                if (request.baseVersion() != null) {
                    throw new Refusal(404, "outreach.not-found", "baseVersion", "Record " + request.id()
                            + " does not exist: send it without baseVersion to record it.");
                }
                check(content, known, caller, null);
                record = create(request.id(), content, caller);
                stored.put(record.id, record);
                return new Result(index, record.id, Outcome.CREATED, record.version, null, null, null, 201, record);
            }
            mayChange(record, caller);
            if (record.content().equals(content)) {
                return new Result(index, record.id, Outcome.UNCHANGED, record.version, null, null, null, 200, record);
            }
            if (request.baseVersion() == null) {
                return conflict(index, record, "sync.conflict", "Record " + record.id + " was recorded before with other "
                        + "content (version " + record.version + "); an edit names the version it was made on (baseVersion).");
            }
            if (request.baseVersion() != record.version) {
                return conflict(index, record, "sync.stale", "Record " + record.id + " changed since version "
                        + request.baseVersion() + " (it is at version " + record.version + "): reapply your edit to it.");
            }
            check(content, known, caller, record);
            update(record, content, caller);
            return new Result(index, record.id, Outcome.UPDATED, record.version, null, null, null, 200, record);
        } catch (Refusal refusal) {
            return Result.refused(index, request.id(), refusal.status, refusal.code, refusal.field, refusal.getMessage());
        }
    }

    private static Result conflict(int index, OutreachRecord record, String code, String message) {
        return new Result(index, record.id, Outcome.CONFLICT, record.version, code, null, message, 409, record);
    }

    /** A record that counts for a task counts for the task's campaign. */
    private static OutreachContent withTaskCampaign(OutreachContent content, Plan.Known known) {
        Plan.Task task = content.taskId() == null ? null : known.tasks().get(content.taskId());
        if (task == null || content.campaignId() != null) {
            return content;
        }
        return new OutreachContent(content.kind(), content.occurredAt(), content.regionCode(), content.unitId(),
                task.campaignId(), content.taskId(), content.targetGroup(), content.metrics(), content.household(),
                content.location(), content.note(), content.evidenceExpected());
    }

    /** Whether the caller may change a stored record: in their scope, and their own unless they manage the scope. */
    private static void mayChange(OutreachRecord record, Caller caller) {
        if (!caller.scope().covers(RegionCode.parse(record.regionCode))) {
            throw new Refusal(403, "scope.forbidden", "regionCode", "Record " + record.id + " is in region "
                    + record.regionCode + ", outside your scope.");
        }
        if (!record.worker.equals(caller.user()) && !caller.scope().manages()) {
            throw new Refusal(403, "outreach.not-yours", null, "Record " + record.id + " was logged by someone else; only "
                    + "its worker, an admin or a coordinator may change it.");
        }
    }

    /** The rules a record's content keeps (docs/outreach.md, "Rules"); {@code before} is the stored record, if any. */
    private static void check(OutreachContent content, Plan.Known known, Caller caller, OutreachRecord before) {
        RegionCode region = RegionCode.parse(content.regionCode());
        if (!caller.scope().covers(region)) {
            throw new Refusal(403, "scope.forbidden", "regionCode", "Region " + region + " is outside your scope.");
        }
        if (!known.regions().contains(content.regionCode())) {
            throw new Refusal(400, "region.unknown", "regionCode", "Region " + region + " does not exist (or no longer does).");
        }
        Instant latest = Instant.now().plus(CLOCK_SKEW);
        if (content.occurredAt().isAfter(latest)) {
            throw new Refusal(400, "outreach.in-future", "occurredAt", "It cannot have happened later than now (the "
                    + "server's clock, with " + CLOCK_SKEW.toMinutes() + " minutes of skew allowed).");
        }
        Plan.Unit unit = known.units().get(content.unitId());
        if (unit == null) {
            throw new Refusal(400, "unit.unknown", "unitId", "Unit " + content.unitId() + " does not exist.");
        }
        if (!unit.active() && (before == null || !unit.id().equals(before.unitId))) {
            throw new Refusal(400, "unit.inactive", "unitId", "Unit " + unit.id() + " no longer works.");
        }
        LocalDate day = content.occurredAt().atZone(Days.ZONE).toLocalDate();
        if (content.campaignId() != null) {
            Plan.Campaign campaign = known.campaigns().get(content.campaignId());
            if (campaign == null) {
                throw new Refusal(400, "campaign.unknown", "campaignId", "Campaign " + content.campaignId()
                        + " does not exist.");
            }
            if (!region.isWithin(campaign.regionCode()) || day.isBefore(campaign.startDate())
                    || day.isAfter(campaign.endDate())) {
                throw new Refusal(400, "outreach.outside-campaign", "campaignId", "Campaign " + campaign.id() + " runs in "
                        + campaign.regionCode() + " from " + campaign.startDate() + " to " + campaign.endDate()
                        + "; this record is in " + region + " on " + day + ".");
            }
        }
        if (content.taskId() != null) {
            Plan.Task task = known.tasks().get(content.taskId());
            if (task == null || task.deleted()) {
                throw new Refusal(400, "task.unknown", "taskId", "Task " + content.taskId() + " does not exist (or no "
                        + "longer does).");
            }
            if (!task.campaignId().equals(content.campaignId())) {
                throw new Refusal(400, "outreach.task-campaign", "taskId", "Task " + task.id() + " belongs to campaign "
                        + task.campaignId() + ", not " + content.campaignId() + ".");
            }
            if (!region.isWithin(task.regionCode())) {
                throw new Refusal(400, "outreach.outside-task", "taskId", "Task " + task.id() + " covers " + task.regionCode()
                        + "; this record is in " + region + ".");
            }
        }
        checkHousehold(content, region);
        PersonalData.foundIn(content.note()).ifPresent(kind -> {
            throw new Refusal(400, "outreach.personal-data", "note", "The note holds what looks like " + kind
                    + "; an outreach record keeps no personal data.");
        });
    }

    private static void checkHousehold(OutreachContent content, RegionCode region) {
        boolean visit = content.kind() == OutreachKind.DOOR_TO_DOOR;
        if (visit && content.household() == null) {
            throw new Refusal(400, "outreach.household-missing", "household", "A door-to-door visit names its household "
                    + "(an opaque reference within the village) and whether the notice was signed.");
        }
        if (!visit && content.household() != null) {
            throw new Refusal(400, "outreach.household-not-allowed", "household", "Only a door-to-door visit names a "
                    + "household.");
        }
        if (visit && region.level().compareTo(RegionLevel.VILLAGE) < 0) {
            throw new Refusal(400, "outreach.household-region", "regionCode", "A household is in a village or a grid, "
                    + "not in the " + region.level().name().toLowerCase() + " " + region + ".");
        }
        if (visit) {
            PersonalData.foundIn(content.household().ref()).ifPresent(kind -> {
                throw new Refusal(400, "outreach.personal-data", "household.ref", "This looks like " + kind
                        + ": a household is named by an opaque reference, never an ID or phone number.");
            });
        }
    }

    private OutreachRecord create(UUID id, OutreachContent content, Caller caller) {
        OutreachRecord record = new OutreachRecord();
        record.id = id;
        record.version = 1;
        record.take(content);
        record.worker = caller.user();
        record.deviceId = caller.deviceId();
        record.reviewState = ReviewState.PENDING;
        record.createdAt = now();
        record.updatedAt = record.createdAt;
        record.persist();
        changed(record, "RECORDED", EventTypes.OUTREACH_RECORDED, caller);
        return record;
    }

    /** An edit is a new version, to be reviewed again. */
    private void update(OutreachRecord record, OutreachContent content, Caller caller) {
        record.take(content);
        record.deviceId = caller.deviceId();
        record.reviewState = ReviewState.PENDING;
        record.reviewComment = null;
        record.reviewedBy = null;
        record.reviewedAt = null;
        record.version++;
        record.updatedAt = now();
        changed(record, "UPDATED", EventTypes.OUTREACH_UPDATED, caller);
        edited.fire(new RecordEdited(record));
    }

    /** Keeps the new version in the history and announces it. */
    void changed(OutreachRecord record, String action, String type, Caller caller) {
        OutreachData data = record.toData();
        OutreachRecordVersion version = new OutreachRecordVersion();
        version.recordId = record.id;
        version.version = record.version;
        version.action = action;
        version.state = data;
        version.changedBy = caller.user();
        version.deviceId = caller.deviceId();
        version.changedAt = record.updatedAt;
        version.persist();
        outbox.publish(Topics.OUTREACH, type, RegionCode.parse(record.regionCode).eventKey().value(), record.id.toString(),
                data);
    }

    /** Now, at PostgreSQL's precision, so that an answer shows the instant a later read returns. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }
}
