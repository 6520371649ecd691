package io.fanzha.campaign.unit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.campaign.region.RegionService;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.TargetGroup;
import io.fanzha.contracts.Topics;
import io.fanzha.contracts.UnitType;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.rest.SearchQuery;
import io.quarkus.panache.common.Sort;

/** Keeps the units and announces every change through the outbox. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class UnitService {

    @Inject
    Outbox outbox;

    @Inject
    RegionService regions;

    public Unit create(UnitRequest request) {
        regions.requireKnown(request.regionCode());
        Unit unit = new Unit();
        unit.id = UUID.randomUUID();
        apply(unit, request);
        unit.persistAndFlush();
        announce(EventTypes.UNIT_CREATED, unit);
        return unit;
    }

    /** Applies an update; empty when the unit does not exist. A stale version is 409 unit.stale. */
    public Optional<Unit> update(UUID id, UnitRequest request) {
        Optional<Unit> found = Unit.findByIdOptional(id);
        found.ifPresent(unit -> {
            unit.requireVersion(request.version(), "unit.stale");
            regions.requireKnown(request.regionCode());
            // The event leaves the phone out, so the phone is compared beside it.
            List<Object> before = Arrays.asList(unit.toData(), unit.liaisonPhone);
            apply(unit, request);
            List<Object> after = Arrays.asList(unit.toData(), unit.liaisonPhone);
            if (!before.equals(after)) {
                Unit.getEntityManager().flush();
                announce(EventTypes.UNIT_UPDATED, unit);
            }
        });
        return found;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Unit> find(UUID id) {
        return Unit.findByIdOptional(id);
    }

    /**
     * The units of a subtree (a code prefix, "" for all) and of the regions {@code above} it, by region and name,
     * optionally of one type or state.
     */
    @Transactional(TxType.SUPPORTS)
    public Page<Unit> within(String prefix, List<String> above, UnitType type, Boolean active, SearchQuery list) {
        Where where = Where.subtreeAnd("regionCode", prefix, above).and("type = :type", "type", type)
                .and("active = :active", "active", active).search(list, "name");
        return Page.of(Unit.find(where.clause(), Sort.by("regionCode").and("name").and("id"), where.parameters()), list);
    }

    private static void apply(Unit unit, UnitRequest request) {
        unit.name = request.name().strip();
        unit.type = request.type();
        unit.regionCode = request.regionCode();
        unit.targetGroups = request.targetGroups() == null ? List.of()
                : request.targetGroups().stream().distinct().map(TargetGroup::name).toList();
        unit.liaisonName = strip(request.liaisonName());
        unit.liaisonPosition = strip(request.liaisonPosition());
        unit.liaisonPhone = request.liaisonPhone();
        unit.active = !Objects.equals(request.active(), Boolean.FALSE);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private void announce(String type, Unit unit) {
        outbox.publish(Topics.CAMPAIGN, type, RegionCode.parse(unit.regionCode).eventKey().value(), unit.id.toString(),
                unit.toData());
    }
}
