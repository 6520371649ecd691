package io.fanzha.casestats.record;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.casestats.category.FraudCategory;
import io.fanzha.casestats.region.Regions;
import io.fanzha.contracts.CaseData;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.period.Period;
import io.fanzha.platform.persistence.Tombstones;
import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.privacy.PersonalData;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.rest.ListQuery;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.time.Days;
import io.quarkus.panache.common.Sort;

/** Keeps the anonymized case records and announces every change (docs/cases.md). */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class CaseRecordService {

    /** A case as stored, and whether this request stored it (false: the same case was recorded before). */
    public record Recorded(CaseRecord record, boolean created) {
    }

    @Inject
    Outbox outbox;

    @Inject
    Regions regions;

    @Inject
    Tombstones tombstones;

    /**
     * Records a case in a region the caller may write. A case the agency sent before under the same id is answered as
     * stored; the same id with other content is 409 case.conflict (an update names its version with PUT).
     */
    public Recorded record(CaseRequest request, String user, RegionScope scope) {
        scope.assertWritable(request.regionCode());
        if (request.id() != null) {
            Optional<CaseRecord> earlier = CaseRecord.findByIdOptional(request.id());
            if (earlier.isPresent()) {
                if (!sameCase(earlier.get(), request)) {
                    throw ProblemException.conflict("case.conflict", "Case " + request.id() + " was recorded before with "
                            + "other content; change it with PUT and its version.");
                }
                return new Recorded(earlier.get(), false);
            }
        }
        CaseRecord record = new CaseRecord();
        record.id = request.id() == null ? UUID.randomUUID() : request.id();
        apply(record, request, user);
        record.persistAndFlush();
        announce(EventTypes.CASE_RECORDED, record.toData());
        return new Recorded(record, true);
    }

    /** Replaces a case; a stale version is 409 case.stale. */
    public CaseRecord update(UUID id, CaseRequest request, String user, RegionScope scope) {
        CaseRecord record = writable(id, scope);
        scope.assertWritable(request.regionCode());
        record.requireVersion(request.version(), "case.stale");
        CaseData before = record.toData();
        apply(record, request, user);
        if (!before.equals(record.toData())) {
            CaseRecord.getEntityManager().flush();
            announce(EventTypes.CASE_UPDATED, record.toData());
        }
        return record;
    }

    public void delete(UUID id, RegionScope scope) {
        CaseRecord record = writable(id, scope);
        record.delete();
        tombstones.record(CaseRecord.KIND, id.toString(), record.regionCode, null);
        announce(EventTypes.CASE_DELETED, record.toData(record.version + 1));
    }

    /** The case, if the caller may read its region (404 case.not-found, 403 scope.forbidden). */
    @Transactional(TxType.SUPPORTS)
    public CaseRecord readable(UUID id, RegionScope scope) {
        return scope.readable(CaseRecord.<CaseRecord>findByIdOptional(id), record -> record.regionCode, () -> notFound(id));
    }

    /** The cases of a subtree, newest first, optionally of one category and within one period. */
    @Transactional(TxType.SUPPORTS)
    public Page<CaseRecord> within(String prefix, String category, Period in, ListQuery list) {
        Where where = Where.of("regionCode like :prefix", "prefix", prefix + "%")
                .and("category = :category", "category", category)
                .and("occurredOn >= :from", "from", in == null ? null : in.start())
                .and("occurredOn <= :to", "to", in == null ? null : in.end())
                .filter(list);
        return tombstones.addTo(Page.of(CaseRecord.find(where.clause(), Sort.by("occurredOn", Sort.Direction.Descending)
                .and("id"), where.parameters()), list), CaseRecord.KIND, list, prefix, null);
    }

    private CaseRecord writable(UUID id, RegionScope scope) {
        return scope.writable(CaseRecord.<CaseRecord>findByIdOptional(id), record -> record.regionCode, () -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("case.not-found", "Case " + id + " does not exist.");
    }

    private void apply(CaseRecord record, CaseRequest request, String user) {
        if (regions.known(List.of(request.regionCode())).isEmpty()) {
            throw ProblemException.invalidField("region.unknown", "regionCode", "Region " + request.regionCode()
                    + " does not exist (or no longer does).");
        }
        FraudCategory category = FraudCategory.findById(request.category());
        if (category == null) {
            throw ProblemException.invalidField("category.unknown", "category",
                    "No fraud category " + request.category() + " in the catalogue (GET /api/v1/fraud-categories).");
        }
        if (!category.active && !request.category().equals(record.category)) {
            throw ProblemException.invalidField("category.inactive", "category",
                    "Fraud category " + request.category() + " is no longer used.");
        }
        if (request.occurredOn().isAfter(Days.today())) {
            throw ProblemException.invalidField("case.in-future", "occurredOn",
                    "A case cannot have happened after today (" + Days.today() + " in China).");
        }
        PersonalData.foundIn(request.householdRef()).ifPresent(kind -> {
            throw ProblemException.invalidField("case.personal-data", "householdRef", "This looks like " + kind
                    + ": a case record keeps no personal data; use the household's opaque reference.");
        });
        record.occurredOn = request.occurredOn();
        record.regionCode = request.regionCode();
        record.category = request.category();
        record.loss = request.loss() == null ? null : request.loss().amount();
        record.ageBand = request.ageBand();
        record.targetGroup = request.targetGroup();
        record.unitId = request.unitId();
        record.householdRef = request.householdRef();
        record.recordedBy = user;
    }

    private static boolean sameCase(CaseRecord record, CaseRequest request) {
        BigDecimal loss = request.loss() == null ? null : request.loss().amount();
        return record.occurredOn.equals(request.occurredOn()) && record.regionCode.equals(request.regionCode())
                && record.category.equals(request.category()) && Objects.equals(record.loss, loss)
                && record.ageBand == request.ageBand() && record.targetGroup == request.targetGroup()
                && Objects.equals(record.unitId, request.unitId()) && Objects.equals(record.householdRef, request.householdRef());
    }

    private void announce(String type, CaseData data) {
        outbox.publish(Topics.CASE_STATS, type, RegionCode.parse(data.regionCode()).eventKey().value(), data.id().toString(),
                data);
    }
}
