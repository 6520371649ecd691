package io.fanzha.casestats.completeness;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;

import io.fanzha.casestats.completeness.CompletenessResponse.Due;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.ExpectationData;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.period.Granularity;
import io.fanzha.platform.period.Period;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.region.RegionLevel;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.time.Days;
import io.quarkus.panache.common.Sort;

/** Keeps who is expected to report, and answers who did (docs/case-reports.md, "Completeness"). */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class ExpectationService {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    public Expectation create(ExpectationRequest request, RegionScope scope) {
        scope.assertWritable(request.regionCode());
        requireDistinct(request, null);
        Expectation expectation = new Expectation();
        expectation.id = UUID.randomUUID();
        apply(expectation, request);
        expectation.persistAndFlush();
        announce(EventTypes.EXPECTATION_CREATED, expectation.toData());
        return expectation;
    }

    public Expectation update(UUID id, ExpectationRequest request, RegionScope scope) {
        Expectation expectation = writable(id, scope);
        scope.assertWritable(request.regionCode());
        expectation.requireVersion(request.version(), "expectation.stale");
        requireDistinct(request, id);
        ExpectationData before = expectation.toData();
        apply(expectation, request);
        if (!before.equals(expectation.toData())) {
            em.flush();
            announce(EventTypes.EXPECTATION_UPDATED, expectation.toData());
        }
        return expectation;
    }

    public void delete(UUID id, RegionScope scope) {
        Expectation expectation = writable(id, scope);
        expectation.delete();
        announce(EventTypes.EXPECTATION_DELETED, expectation.toData(expectation.version + 1));
    }

    @Transactional(TxType.SUPPORTS)
    public Expectation readable(UUID id, RegionScope scope) {
        return scope.readable(Expectation.<Expectation>findByIdOptional(id), expectation -> expectation.regionCode,
                () -> notFound(id));
    }

    @Transactional(TxType.SUPPORTS)
    public Page<Expectation> within(String prefix, int page, int size) {
        return Page.of(Expectation.find("regionCode like ?1", Sort.by("regionCode").and("level").and("reporter"),
                prefix + "%"), page, size);
    }

    /** The period form a region reports in, when an expectation covers its level; empty when none does. */
    @Transactional(TxType.SUPPORTS)
    public Map<String, Granularity> forms() {
        Map<String, Granularity> forms = new HashMap<>();
        Expectation.<Expectation>listAll().forEach(e -> forms.put(e.regionCode + "/" + e.level, e.granularity));
        return forms;
    }

    /** The form for this region among {@link #forms()}: the expectation of its level whose root holds it. */
    public static Optional<Granularity> formOf(Map<String, Granularity> forms, String regionCode) {
        RegionCode region = RegionCode.parse(regionCode);
        return forms.entrySet().stream()
                .filter(form -> form.getKey().endsWith("/" + region.level())
                        && regionCode.startsWith(form.getKey().substring(0, form.getKey().indexOf('/'))))
                .map(Map.Entry::getValue).findFirst();
    }

    /**
     * Who reported {@code period} in the subtree {@code prefix}: for each expectation of that period's form whose
     * subtree meets it, the expected regions, those its reporter pushed figures for, and those on time (first pushed
     * before the end of the deadline day, China time).
     */
    @Transactional(TxType.SUPPORTS)
    public CompletenessResponse completeness(String prefix, String within, Period period) {
        int expected = 0;
        int received = 0;
        int onTime = 0;
        List<Due> missing = new ArrayList<>();
        List<Due> late = new ArrayList<>();
        for (Expectation expectation : Expectation.<Expectation>list("granularity", Sort.by("regionCode"),
                period.granularity())) {
            if (!expectation.regionCode.startsWith(prefix) && !prefix.startsWith(expectation.regionCode)) {
                continue;
            }
            String subtree = expectation.regionCode.length() > prefix.length() ? expectation.regionCode : prefix;
            LocalDate deadline = period.end().plusDays(expectation.deadlineDays);
            OffsetDateTime due = deadline.plusDays(1).atStartOfDay(Days.ZONE).toOffsetDateTime();
            Map<String, OffsetDateTime> firsts = firstReports(subtree, expectation.level, expectation.reporter, period);
            for (Map.Entry<String, OffsetDateTime> region : firsts.entrySet()) {
                expected++;
                Due item = new Due(region.getKey(), expectation.reporter, deadline);
                if (region.getValue() == null) {
                    missing.add(item);
                } else {
                    received++;
                    if (region.getValue().isBefore(due)) {
                        onTime++;
                    } else {
                        late.add(item);
                    }
                }
            }
        }
        return new CompletenessResponse(period.toString(), within, expected, received, onTime, missing, late);
    }

    /** Each expected region of the subtree and level, in code order, with the reporter's first push for the period. */
    private Map<String, OffsetDateTime> firstReports(String subtree, RegionLevel level, String reporter, Period period) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, OffsetDateTime> firsts = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT g.code, min(r.created_at)
                    FROM region g
                    LEFT JOIN case_report r ON r.region_code = g.code AND r.period = ? AND r.created_by = ?
                    WHERE g.code LIKE ? AND length(g.code) = ?
                    GROUP BY g.code ORDER BY g.code""")) {
                query.setString(1, period.toString());
                query.setString(2, reporter);
                query.setString(3, subtree + "%");
                query.setInt(4, level.codeLength());
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        firsts.put(result.getString(1), result.getObject(2, OffsetDateTime.class));
                    }
                }
            }
            return firsts;
        });
    }

    private Expectation writable(UUID id, RegionScope scope) {
        return scope.writable(Expectation.<Expectation>findByIdOptional(id), expectation -> expectation.regionCode,
                () -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("expectation.not-found", "Expectation " + id + " does not exist.");
    }

    private static void requireDistinct(ExpectationRequest request, UUID self) {
        Expectation other = Expectation.find("regionCode = ?1 and level = ?2 and reporter = ?3", request.regionCode(),
                request.level(), request.reporter().strip()).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw ProblemException.conflict("expectation.exists", "Reporter " + request.reporter() + " is already "
                    + "expected for the " + request.level() + " regions of " + request.regionCode() + " (" + other.id + ").");
        }
    }

    private static void apply(Expectation expectation, ExpectationRequest request) {
        if (RegionCode.parse(request.regionCode()).level().codeLength() > request.level().codeLength()) {
            throw ProblemException.invalidField("expectation.level-invalid", "level", "The " + request.level()
                    + " regions cannot lie below " + request.regionCode() + ".");
        }
        expectation.regionCode = request.regionCode();
        expectation.level = request.level();
        expectation.granularity = request.granularity() == null ? Granularity.WEEK : request.granularity();
        expectation.reporter = request.reporter().strip();
        expectation.deadlineDays = request.deadlineDays();
    }

    private void announce(String type, ExpectationData data) {
        outbox.publish(Topics.CASE_STATS, type, RegionCode.parse(data.regionCode()).eventKey().value(),
                data.id().toString(), data);
    }
}
