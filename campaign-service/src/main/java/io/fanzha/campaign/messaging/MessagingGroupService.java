package io.fanzha.campaign.messaging;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.campaign.region.RegionService;
import io.fanzha.campaign.unit.Unit;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.MessagingGroupData;
import io.fanzha.contracts.MessagingPlatform;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.period.Period;
import io.fanzha.platform.persistence.Tombstones;
import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.rest.SearchQuery;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.time.Days;
import io.quarkus.panache.common.Sort;

/** Keeps the messaging groups and announces every change through the outbox. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class MessagingGroupService {

    @Inject
    Outbox outbox;

    @Inject
    Tombstones tombstones;

    @Inject
    RegionService regions;

    /** Creates a group in a region the caller may change (its own, or its unit's). */
    public MessagingGroup create(MessagingGroupRequest request, RegionScope scope) {
        MessagingGroup group = new MessagingGroup();
        group.id = UUID.randomUUID();
        apply(group, request, scope);
        group.persistAndFlush();
        announce(EventTypes.MESSAGING_GROUP_CREATED, group.toData());
        return group;
    }

    /** Replaces a group's state; a stale version is 409 messaging-group.stale. */
    public MessagingGroup update(UUID id, MessagingGroupRequest request, RegionScope scope) {
        MessagingGroup group = writable(id, scope);
        group.requireVersion(request.version(), "messaging-group.stale");
        // The event leaves the phone out, so the phone is compared beside it.
        List<Object> before = Arrays.asList(group.toData(), group.ownerPhone);
        apply(group, request, scope);
        LocalDate firstPush = MessagingPush.getEntityManager()
                .createQuery("select min(p.pushedOn) from MessagingPush p where p.groupId = :group", LocalDate.class)
                .setParameter("group", group.id).getSingleResult();
        if (firstPush != null && firstPush.isBefore(group.createdOn)) {
            throw ProblemException.invalidField("messaging-group.created-after-push", "createdOn",
                    "The group pushed on " + firstPush + ", so it was set up by then.");
        }
        if (!before.equals(Arrays.asList(group.toData(), group.ownerPhone))) {
            MessagingGroup.getEntityManager().flush();
            announce(EventTypes.MESSAGING_GROUP_UPDATED, group.toData());
        }
        return group;
    }

    /** Deletes a group set up by mistake; a group that has pushed keeps its record and is deactivated instead. */
    public void delete(UUID id, RegionScope scope) {
        MessagingGroup group = writable(id, scope);
        if (MessagingPush.count("groupId", group.id) > 0) {
            throw ProblemException.conflict("messaging-group.has-pushes", "Group " + group.id + " has logged pushes, "
                    + "the record of its work: set it inactive instead of deleting it.");
        }
        group.delete();
        tombstones.record(MessagingGroup.KIND, group.id.toString(), group.regionCode, null);
        announce(EventTypes.MESSAGING_GROUP_DELETED, group.toData(group.version + 1));
    }

    /** The group, if the caller may read its region (404 messaging-group.not-found, 403 scope.forbidden). */
    @Transactional(TxType.SUPPORTS)
    public MessagingGroup readable(UUID id, RegionScope scope) {
        return scope.readable(MessagingGroup.<MessagingGroup>findByIdOptional(id), group -> group.regionCode,
                () -> ProblemException.notFound("messaging-group.not-found", "Messaging group " + id + " does not exist."));
    }

    /** The group, if the caller may change what is in its region. */
    @Transactional(TxType.SUPPORTS)
    public MessagingGroup writable(UUID id, RegionScope scope) {
        return scope.writable(MessagingGroup.<MessagingGroup>findByIdOptional(id), group -> group.regionCode,
                () -> ProblemException.notFound("messaging-group.not-found", "Messaging group " + id + " does not exist."));
    }

    /**
     * The groups of a subtree (a code prefix, "" for all), by region and name. With {@code silentIn}: only the active
     * groups, set up by the period's end, that logged no push within it.
     */
    @Transactional(TxType.SUPPORTS)
    public Page<MessagingGroup> within(String prefix, MessagingPlatform platform, UUID unitId, Boolean active,
            Period silentIn, SearchQuery list) {
        Where where = Where.of("regionCode like :prefix", "prefix", prefix + "%")
                .and("platform = :platform", "platform", platform)
                .and("unitId = :unit", "unit", unitId)
                .and("active = :active", "active", active)
                .and(silentIn != null, "active = true and createdOn <= :silentTo and id not in (select p.groupId from "
                        + "MessagingPush p where p.pushedOn >= :silentFrom and p.pushedOn <= :silentTo)",
                        silentIn == null ? Map.of() : Map.of("silentFrom", silentIn.start(), "silentTo", silentIn.end()))
                .search(list, "name", "ownerName");
        return tombstones.addTo(Page.of(MessagingGroup.find(where.clause(), Sort.by("regionCode").and("name").and("id"),
                where.parameters()), list), MessagingGroup.KIND, list, prefix, null);
    }

    private void apply(MessagingGroup group, MessagingGroupRequest request, RegionScope scope) {
        String regionCode = placement(request);
        scope.assertWritable(regionCode);
        regions.requireKnown(regionCode);
        LocalDate createdOn = request.createdOn() == null ? Days.today() : request.createdOn();
        if (createdOn.isAfter(Days.today())) {
            throw ProblemException.invalidField("messaging-group.created-in-future", "createdOn",
                    "A group cannot have been set up after today (" + Days.today() + " in China).");
        }
        group.platform = request.platform();
        group.name = request.name().strip();
        group.regionCode = regionCode;
        group.unitId = request.unitId();
        group.memberCount = request.memberCount();
        group.ownerName = request.ownerName().strip();
        group.ownerPhone = request.ownerPhone();
        // An update that does not say keeps the day the group was set up.
        group.createdOn = request.createdOn() == null && group.createdOn != null ? group.createdOn : createdOn;
        group.active = !Objects.equals(request.active(), Boolean.FALSE);
    }

    /** The group's region: the one given, which lies within its unit's, or else its unit's. */
    private static String placement(MessagingGroupRequest request) {
        if (request.unitId() == null) {
            return Optional.ofNullable(request.regionCode()).orElseThrow(() -> ProblemException.invalidField(
                    "messaging-group.place-missing", "regionCode", "Give the group's region, its unit, or both."));
        }
        Unit unit = Unit.<Unit>findByIdOptional(request.unitId()).orElseThrow(() -> ProblemException.invalidField(
                "messaging-group.unit-unknown", "unitId", "Unit " + request.unitId() + " does not exist."));
        if (request.regionCode() == null) {
            return unit.regionCode;
        }
        if (!RegionCode.parse(request.regionCode()).isWithin(unit.regionCode)) {
            throw ProblemException.invalidField("messaging-group.region-outside-unit", "regionCode", "Region "
                    + request.regionCode() + " is not within the region of unit " + unit.name + " (" + unit.regionCode + ").");
        }
        return request.regionCode();
    }

    private void announce(String type, MessagingGroupData data) {
        outbox.publish(Topics.CAMPAIGN, type, RegionCode.parse(data.regionCode()).eventKey().value(), data.id().toString(),
                data);
    }
}
