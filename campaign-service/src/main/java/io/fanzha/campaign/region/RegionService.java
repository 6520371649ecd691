package io.fanzha.campaign.region;

import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.campaign.alliance.Alliance;
import io.fanzha.campaign.campaign.Campaign;
import io.fanzha.campaign.goal.Goal;
import io.fanzha.campaign.messaging.MessagingGroup;
import io.fanzha.campaign.task.Task;
import io.fanzha.campaign.unit.Unit;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.RegionData;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.region.RegionLevel;
import io.fanzha.platform.persistence.Tombstones;
import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.rest.SearchQuery;
import io.quarkus.panache.common.Sort;

/** Keeps the region tree consistent and announces every change through the outbox. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class RegionService {

    @Inject
    Outbox outbox;

    @Inject
    Tombstones tombstones;

    /**
     * A county or any region above it may be a root of the stored tree (a county office starts at its county);
     * below the county, the parent must be stored first.
     */
    public Region create(RegionRequest request) {
        RegionCode code = RegionCode.parse(request.code());
        String parentCode = code.parent().map(RegionCode::value).orElse(null);
        if (request.parentCode() != null && !request.parentCode().equals(parentCode)) {
            throw ProblemException.invalidField("region.parent-mismatch", "parentCode",
                    "The parent of " + code + " is " + (parentCode == null ? "none (it is a province)" : parentCode)
                            + ", not " + request.parentCode() + ".");
        }
        // FOR SHARE on the parent: a concurrent delete of the parent waits for this insert, and then sees the child.
        if (code.level().compareTo(RegionLevel.COUNTY) > 0
                && Region.findById(parentCode, LockModeType.PESSIMISTIC_READ) == null) {
            throw ProblemException.invalidField("region.parent-unknown", "parentCode",
                    "Parent region " + parentCode + " does not exist; create it first.");
        }
        if (Region.findById(code.value()) != null) {
            throw ProblemException.conflict("region.exists", "Region " + code + " already exists.");
        }
        Region region = new Region();
        region.code = code.value();
        region.parentCode = parentCode;
        region.level = code.level();
        region.path = code.path();
        region.name = request.name().strip();
        region.residentHouseholds = request.residentHouseholds();
        region.population = request.population();
        region.persistAndFlush();
        tombstones.forget(Region.KIND, region.code);
        announce(EventTypes.REGION_CREATED, region);
        return region;
    }

    /** Applies an update; returns empty when the region does not exist. */
    public Optional<Region> update(String code, RegionUpdate update) {
        Optional<Region> found = Region.findByIdOptional(code);
        found.ifPresent(region -> {
            String name = update.name().strip();
            boolean changed = !name.equals(region.name)
                    || !Objects.equals(update.residentHouseholds(), region.residentHouseholds)
                    || !Objects.equals(update.population(), region.population);
            if (!changed) {
                return;
            }
            region.name = name;
            region.residentHouseholds = update.residentHouseholds();
            region.population = update.population();
            // Flush first so the event carries the version (and time) Hibernate assigns to the change.
            Region.getEntityManager().flush();
            announce(EventTypes.REGION_UPDATED, region);
        });
        return found;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Region> find(String code) {
        return Region.findByIdOptional(code);
    }

    /** For a record placed in a region (a campaign, a unit): the region must exist (400 region.unknown). */
    @Transactional(TxType.SUPPORTS)
    public void requireKnown(String code) {
        if (Region.findById(code) == null) {
            throw ProblemException.invalidField("region.unknown", "regionCode", "Region " + code + " does not exist.");
        }
    }

    /**
     * Deletes a region that has no children and that no campaign names; returns false when it does not exist.
     * The event carries the last state with the next version, so consumers apply it after every earlier change.
     */
    public boolean delete(String code) {
        Region region = Region.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (region == null) {
            return false;
        }
        if (Region.count("code like ?1 and code <> ?2", code + "%", code) > 0) {
            throw ProblemException.conflict("region.has-children",
                    "Region " + code + " has regions below it; delete those first.");
        }
        if (Campaign.count("regionCode", code) > 0 || Goal.count("regionCode", code) > 0
                || Task.count("regionCode", code) > 0 || Unit.count("regionCode", code) > 0
                || Alliance.count("regionCode", code) > 0 || MessagingGroup.count("regionCode", code) > 0) {
            throw ProblemException.conflict("region.in-use", "Region " + code
                    + " is the region of a campaign, a goal, a task, a unit, an alliance or a messaging group.");
        }
        region.delete();
        tombstones.record(Region.KIND, code, code, null);
        announce(EventTypes.REGION_DELETED, region, region.toData(region.version + 1));
        return true;
    }

    /** The regions of a subtree (a code prefix, "" for all), its root included, in code order. */
    @Transactional(TxType.SUPPORTS)
    public Page<Region> within(String prefix, RegionLevel level, SearchQuery list) {
        Where where = Where.of("code like :prefix", "prefix", prefix + "%").and("level = :level", "level", level)
                .search(list, "name", "code");
        return tombstones.addTo(Page.of(Region.find(where.clause(), Sort.by("code"), where.parameters()), list),
                Region.KIND, list, prefix, null);
    }

    private void announce(String type, Region region) {
        announce(type, region, region.toData());
    }

    private void announce(String type, Region region, RegionData data) {
        String key = RegionCode.parse(region.code).eventKey().value();
        outbox.publish(Topics.CAMPAIGN, type, key, region.code, data);
    }
}
