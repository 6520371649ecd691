package io.fanzha.campaign.region;

import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.platform.rest.Page;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.quarkus.panache.common.Sort;

/** Keeps the region tree consistent and announces every change through the outbox. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class RegionService {

    @Inject
    Outbox outbox;

    public Region create(RegionRequest request) {
        RegionCode code = RegionCode.parse(request.code());
        String parentCode = code.parent().map(RegionCode::value).orElse(null);
        if (request.parentCode() != null && !request.parentCode().equals(parentCode)) {
            throw ProblemException.invalidField("region.parent-mismatch", "parentCode",
                    "The parent of " + code + " is " + (parentCode == null ? "none (it is a county)" : parentCode)
                            + ", not " + request.parentCode() + ".");
        }
        if (parentCode != null && Region.findById(parentCode) == null) {
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

    /** The regions of a subtree, its root included, in code order. */
    @Transactional(TxType.SUPPORTS)
    public Page<Region> within(RegionCode root, Integer level, int page, int size) {
        var query = level == null
                ? Region.<Region>find("code like ?1", Sort.by("code"), root.value() + "%")
                : Region.<Region>find("code like ?1 and level = ?2", Sort.by("code"), root.value() + "%", level);
        return Page.of(query, page, size);
    }

    private void announce(String type, Region region) {
        RegionCode code = RegionCode.parse(region.code);
        outbox.publish(Topics.CAMPAIGN, type, code.county().value(), region.code, region.toData());
    }
}
