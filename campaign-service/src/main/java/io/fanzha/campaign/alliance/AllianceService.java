package io.fanzha.campaign.alliance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.campaign.region.RegionService;
import io.fanzha.campaign.unit.Unit;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.rest.SearchQuery;
import io.fanzha.platform.scope.RegionScope;
import io.quarkus.panache.common.Sort;

/** Keeps the alliances and announces every change through the outbox. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class AllianceService {

    @Inject
    Outbox outbox;

    @Inject
    RegionService regions;

    public Alliance create(AllianceRequest request, RegionScope scope) {
        regions.requireKnown(request.regionCode());
        Alliance alliance = new Alliance();
        alliance.id = UUID.randomUUID();
        apply(alliance, request, scope);
        alliance.persistAndFlush();
        announce(EventTypes.ALLIANCE_CREATED, alliance);
        return alliance;
    }

    /** Applies an update; empty when the alliance does not exist. A stale version is 409 alliance.stale. */
    public Optional<Alliance> update(UUID id, AllianceRequest request, RegionScope scope) {
        Optional<Alliance> found = Alliance.findByIdOptional(id);
        found.ifPresent(alliance -> {
            alliance.requireVersion(request.version(), "alliance.stale");
            regions.requireKnown(request.regionCode());
            var before = alliance.toData();
            apply(alliance, request, scope);
            if (!alliance.toData().equals(before)) {
                Alliance.getEntityManager().flush();
                announce(EventTypes.ALLIANCE_UPDATED, alliance);
            }
        });
        return found;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Alliance> find(UUID id) {
        return Alliance.findByIdOptional(id);
    }

    /** The alliances of a subtree (a code prefix, "" for all), by region and name. */
    @Transactional(TxType.SUPPORTS)
    public Page<Alliance> within(String prefix, SearchQuery list) {
        Where where = Where.of("regionCode like :prefix", "prefix", prefix + "%").search(list, "name");
        return Page.of(Alliance.find(where.clause(), Sort.by("regionCode").and("name").and("id"), where.parameters()),
                list);
    }

    /** The member units of these alliances by id, in one query however many alliances a page holds. */
    @Transactional(TxType.SUPPORTS)
    public Map<UUID, Unit> members(List<Alliance> alliances) {
        return unitsById(alliances.stream().flatMap(alliance -> alliance.memberIds.stream()).distinct().toList());
    }

    /** Every member must be a unit the caller may see: an alliance never names a unit outside the scope. */
    private static void apply(Alliance alliance, AllianceRequest request, RegionScope scope) {
        List<UUID> members = request.memberIds().stream().distinct().toList();
        Map<UUID, Unit> units = unitsById(members);
        for (UUID member : members) {
            Unit unit = units.get(member);
            if (unit == null) {
                throw ProblemException.invalidField("alliance.member-unknown", "memberIds",
                        "Unit " + member + " does not exist.");
            }
            scope.assertReadable(unit.regionCode);
        }
        alliance.name = request.name().strip();
        alliance.regionCode = request.regionCode();
        alliance.memberIds = members;
    }

    private static Map<UUID, Unit> unitsById(List<UUID> ids) {
        return ids.isEmpty() ? Map.of() : Unit.<Unit>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(unit -> unit.id, Function.identity()));
    }

    private void announce(String type, Alliance alliance) {
        outbox.publish(Topics.CAMPAIGN, type, RegionCode.parse(alliance.regionCode).eventKey().value(),
                alliance.id.toString(), alliance.toData());
    }
}
