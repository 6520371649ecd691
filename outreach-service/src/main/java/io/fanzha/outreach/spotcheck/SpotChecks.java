package io.fanzha.outreach.spotcheck;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.OutreachKind;
import io.fanzha.contracts.SpotCheckResultData;
import io.fanzha.contracts.Topics;
import io.fanzha.outreach.record.OutreachRecord;
import io.fanzha.outreach.record.OutreachRecords;
import io.fanzha.outreach.record.OutreachWriter;
import io.fanzha.outreach.record.ReviewState;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.period.Period;
import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.time.Days;
import io.quarkus.panache.common.Sort;

/** Draws spot checks, records the revisits' results and tells the confirmation rates (docs/outreach.md). */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class SpotChecks {

    private static final SecureRandom SEEDS = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    OutreachRecords records;

    /** Draws and stores a sample of the household visits that count (not voided, not rejected). */
    public SpotCheck draw(SpotCheckRequest request, OutreachWriter.Caller caller) {
        String within = caller.scope().assertReadable(request.within()).value();
        Period period = Period.parse(request.period());
        List<Sampler.Visit> visits = new ArrayList<>();
        for (OutreachRecord record : OutreachRecord.<OutreachRecord>list("regionCode like ?1 and kind = ?2 and voided = false"
                + " and reviewState <> ?3 and occurredAt >= ?4 and occurredAt < ?5", within + "%", OutreachKind.DOOR_TO_DOOR,
                ReviewState.REJECTED, period.start().atStartOfDay(Days.ZONE).toOffsetDateTime(),
                period.end().plusDays(1).atStartOfDay(Days.ZONE).toOffsetDateTime())) {
            visits.add(new Sampler.Visit(record.id, record.regionCode, record.worker));
        }
        SpotCheck check = new SpotCheck();
        check.id = UUID.randomUUID();
        check.regionCode = within;
        check.period = period.toString();
        check.percent = request.percent();
        check.minimumPerVillage = request.minimumPerVillage() == null ? 0 : request.minimumPerVillage();
        check.minimumPerWorker = request.minimumPerWorker() == null ? 0 : request.minimumPerWorker();
        check.seed = request.seed() != null ? request.seed() : SEEDS.nextLong();
        check.candidates = visits.size();
        check.drawnBy = caller.user();
        check.drawnAt = OutreachWriter.now();
        check.persist();
        for (Sampler.Drawn drawn : Sampler.draw(visits, check.seed, check.percent, check.minimumPerVillage,
                check.minimumPerWorker)) {
            SpotCheckItem item = new SpotCheckItem();
            item.spotCheckId = check.id;
            item.recordId = drawn.visit().id();
            item.regionCode = drawn.visit().village();
            item.worker = drawn.visit().worker();
            item.rank = drawn.rank();
            item.persist();
        }
        return check;
    }

    @Transactional(TxType.SUPPORTS)
    public SpotCheck readable(UUID id, OutreachWriter.Caller caller) {
        return caller.scope().readable(SpotCheck.<SpotCheck>findByIdOptional(id), check -> check.regionCode,
                () -> ProblemException.notFound("spot-check.not-found", "Spot check " + id + " does not exist."));
    }

    /** The spot checks of a subtree (rooted within it), newest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<SpotCheck> within(String prefix, String period, int page, int size) {
        Where where = Where.of("regionCode like :prefix", "prefix", prefix + "%").and("period = :period", "period", period);
        return Page.of(SpotCheck.<SpotCheck>find(where.clause(), Sort.by("drawnAt", Sort.Direction.Descending).and("id"),
                where.parameters()), page, size);
    }

    @Transactional(TxType.SUPPORTS)
    public List<SpotCheckItem> items(UUID id) {
        return SpotCheckItem.list("spotCheckId", Sort.by("rank"), id);
    }

    /**
     * Records what a revisit found. A denied visit goes under review: the record gets HAS_ISSUES with the spot
     * check named in its comment, for an inspector to decide.
     */
    public SpotCheckItem revisit(UUID id, UUID recordId, RevisitRequest request, OutreachWriter.Caller caller) {
        SpotCheck check = readable(id, caller);
        SpotCheckItem item = SpotCheckItem.<SpotCheckItem>find("spotCheckId = ?1 and recordId = ?2", check.id, recordId)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("spot-check.item-not-found",
                        "Record " + recordId + " is not in the sample of spot check " + id + "."));
        caller.scope().assertReadable(item.regionCode);
        item.result = request.result();
        item.note = request.note();
        item.checkedBy = caller.user();
        item.checkedAt = OutreachWriter.now();
        if (request.result() == RevisitResult.DENIED) {
            records.underReview(recordId, "抽查回访: 户主称无人走访 / spot check " + id + ": the household says nobody came"
                    + (request.note() == null ? "" : " (" + request.note() + ")"), caller);
        }
        outbox.publish(Topics.OUTREACH, EventTypes.SPOT_CHECK_RECORDED, RegionCode.parse(item.regionCode).eventKey().value(),
                recordId.toString(), new SpotCheckResultData(check.id, recordId, item.regionCode, item.worker,
                        item.result.name(), item.note, item.checkedBy, item.checkedAt));
        return item;
    }

    /** Confirmation rates of the revisits recorded in a subtree (and of spot checks of one period), by worker or village. */
    @Transactional(TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<ConfirmationRate> rates(String prefix, String period, boolean byWorker) {
        String key = byWorker ? "i.worker" : "i.region_code";
        var query = em.createNativeQuery("select " + key + ", count(*), count(*) filter (where i.result = 'CONFIRMED'), "
                + "count(*) filter (where i.result = 'NOT_REACHED'), count(*) filter (where i.result = 'DENIED') "
                + "from spot_check_item i join spot_check c on c.id = i.spot_check_id "
                + "where i.result is not null and i.region_code like :prefix and (cast(:period as text) is null "
                + "or c.period = cast(:period as text)) group by " + key + " order by " + key)
                .setParameter("prefix", prefix + "%").setParameter("period", period);
        List<ConfirmationRate> rates = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            long confirmed = ((Number) row[2]).longValue();
            long denied = ((Number) row[4]).longValue();
            rates.add(new ConfirmationRate((String) row[0], ((Number) row[1]).longValue(), confirmed,
                    ((Number) row[3]).longValue(), denied, confirmed + denied == 0 ? null
                            : Math.round(10_000.0 * confirmed / (confirmed + denied)) / 10_000.0));
        }
        return rates;
    }

}
