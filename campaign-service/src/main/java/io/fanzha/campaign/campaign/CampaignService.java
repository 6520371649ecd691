package io.fanzha.campaign.campaign;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.campaign.category.FraudCategories;
import io.fanzha.campaign.region.RegionService;
import io.fanzha.campaign.unit.Unit;
import io.fanzha.contracts.CampaignData;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.TargetGroup;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.rest.SearchQuery;
import io.fanzha.platform.scope.RegionScope;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class CampaignService {

    @Inject
    RegionService regions;

    @Inject
    FraudCategories categories;

    @Inject
    Outbox outbox;

    /** A new campaign is a DRAFT. */
    public Campaign create(CampaignRequest request) {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.status = CampaignStatus.DRAFT;
        apply(campaign, request);
        campaign.persistAndFlush();
        announce(EventTypes.CAMPAIGN_CREATED, campaign);
        return campaign;
    }

    /**
     * Replaces the content of a campaign that is not closed; empty when it does not exist. A stale version is 409
     * campaign.stale, a closed campaign 409 campaign.closed.
     */
    public Optional<Campaign> update(UUID id, CampaignRequest request) {
        Optional<Campaign> found = Campaign.findByIdOptional(id);
        found.ifPresent(campaign -> {
            campaign.requireVersion(request.version(), "campaign.stale");
            requireOpen(campaign);
            CampaignData before = campaign.toData();
            apply(campaign, request);
            announceIfChanged(campaign, before);
        });
        return found;
    }

    /** Moves a campaign on: DRAFT to ACTIVE, ACTIVE to CLOSED (409 campaign.status-invalid otherwise). */
    public Optional<Campaign> changeStatus(UUID id, StatusChange change) {
        Optional<Campaign> found = Campaign.findByIdOptional(id);
        found.ifPresent(campaign -> {
            campaign.requireVersion(change.version(), "campaign.stale");
            if (campaign.status == change.status()) {
                return;
            }
            if (!campaign.status.next().contains(change.status())) {
                throw ProblemException.conflict("campaign.status-invalid", "A " + campaign.status
                        + " campaign cannot become " + change.status() + ": DRAFT → ACTIVE → CLOSED.");
            }
            CampaignData before = campaign.toData();
            campaign.status = change.status();
            announceIfChanged(campaign, before);
        });
        return found;
    }

    /** The campaign, if the caller may read its region (404 campaign.not-found, 403 scope.forbidden). */
    /** The campaign, if the caller may read it: in their scope, or above it and so reaching into it. */
    @Transactional(TxType.SUPPORTS)
    public Campaign visible(UUID id, RegionScope scope) {
        return scope.readableOrAbove(find(id), campaign -> campaign.regionCode,
                () -> ProblemException.notFound("campaign.not-found", "Campaign " + id + " does not exist."));
    }

    @Transactional(TxType.SUPPORTS)
    public Campaign readable(UUID id, RegionScope scope) {
        return scope.readable(find(id), campaign -> campaign.regionCode,
                () -> ProblemException.notFound("campaign.not-found", "Campaign " + id + " does not exist."));
    }

    /** The campaign, if the caller may change what is in its region. */
    @Transactional(TxType.SUPPORTS)
    public Campaign writable(UUID id, RegionScope scope) {
        Campaign campaign = readable(id, scope);
        scope.assertWritable(campaign.regionCode);
        return campaign;
    }

    /** A goal or task lies in the campaign's region or below it (400 with {@code code} otherwise). */
    public static void requireInside(Campaign campaign, String regionCode, String code) {
        if (!RegionCode.parse(regionCode).isWithin(RegionCode.parse(campaign.regionCode))) {
            throw ProblemException.invalidField(code, "regionCode", "Region " + regionCode
                    + " is not within the campaign's region " + campaign.regionCode + ".");
        }
    }

    /** A closed campaign, with its goals and tasks, is frozen. */
    public static void requireOpen(Campaign campaign) {
        if (campaign.status == CampaignStatus.CLOSED) {
            throw ProblemException.conflict("campaign.closed", "Campaign " + campaign.id + " is closed; it cannot change.");
        }
    }

    private void apply(Campaign campaign, CampaignRequest request) {
        if (request.startDate().isAfter(request.endDate())) {
            throw ProblemException.invalidField("campaign.period-invalid", "endDate",
                    "endDate " + request.endDate() + " is before startDate " + request.startDate() + ".");
        }
        regions.requireKnown(request.regionCode());
        categories.requireUsable("focusCategories", request.focusCategories(),
                campaign.focusCategories == null ? List.of() : campaign.focusCategories);
        List<LeadingGroupMember> group = request.leadingGroup() == null ? List.of() : request.leadingGroup();
        for (int i = 0; i < group.size(); i++) {
            UUID unit = group.get(i).unitId();
            if (unit != null && Unit.findById(unit) == null) {
                throw ProblemException.invalidField("campaign.unit-unknown", "leadingGroup[" + i + "].unitId",
                        "Unit " + unit + " does not exist.");
            }
        }
        campaign.theme = request.theme().strip();
        campaign.description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        campaign.regionCode = request.regionCode();
        campaign.startDate = request.startDate();
        campaign.endDate = request.endDate();
        campaign.focusCategories = distinct(request.focusCategories());
        campaign.targetGroups = request.targetGroups() == null ? List.of()
                : request.targetGroups().stream().distinct().map(TargetGroup::name).toList();
        campaign.leadingGroup = group.stream().map(LeadingGroupMember::toData).toList();
    }

    private void announceIfChanged(Campaign campaign, CampaignData before) {
        if (!campaign.toData().equals(before)) {
            // Flush first so the event carries the version Hibernate assigns to the change.
            Campaign.getEntityManager().flush();
            announce(EventTypes.CAMPAIGN_UPDATED, campaign);
        }
    }

    private void announce(String type, Campaign campaign) {
        outbox.publish(Topics.CAMPAIGN, type, RegionCode.parse(campaign.regionCode).eventKey().value(),
                campaign.id.toString(), campaign.toData());
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Campaign> find(UUID id) {
        return Campaign.findByIdOptional(id);
    }

    /**
     * Campaigns run in a subtree (a code prefix, "" for all) and, when {@code above} names regions, in those too
     * (the campaigns that reach into the caller's scope), newest start first.
     */
    @Transactional(TxType.SUPPORTS)
    public Page<Campaign> within(String prefix, List<String> above, SearchQuery list) {
        Where where = Where.subtreeAnd("regionCode", prefix, above).search(list, "theme");
        return Page.of(Campaign.find(where.clause(), Sort.by("startDate", Sort.Direction.Descending).and("id"),
                where.parameters()), list);
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }
}
