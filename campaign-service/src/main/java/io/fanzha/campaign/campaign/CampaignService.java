package io.fanzha.campaign.campaign;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.campaign.region.RegionService;
import io.fanzha.platform.rest.Page;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class CampaignService {

    @Inject
    RegionService regions;

    @Inject
    Outbox outbox;

    public Campaign create(CampaignRequest request) {
        if (request.startDate().isAfter(request.endDate())) {
            throw ProblemException.invalidField("campaign.period-invalid", "endDate",
                    "endDate " + request.endDate() + " is before startDate " + request.startDate() + ".");
        }
        regions.requireKnown(request.regionCode());
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.theme = request.theme().strip();
        campaign.regionCode = request.regionCode();
        campaign.startDate = request.startDate();
        campaign.endDate = request.endDate();
        campaign.focusCategories = distinct(request.focusCategories());
        campaign.targetGroups = distinct(request.targetGroups());
        campaign.persistAndFlush();
        outbox.publish(Topics.CAMPAIGN, EventTypes.CAMPAIGN_CREATED,
                RegionCode.parse(campaign.regionCode).eventKey().value(), campaign.id.toString(), campaign.toData());
        return campaign;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Campaign> find(UUID id) {
        return Campaign.findByIdOptional(id);
    }

    /** Campaigns run in a subtree (a code prefix, "" for all), newest start first. */
    @Transactional(TxType.SUPPORTS)
    public Page<Campaign> within(String prefix, int page, int size) {
        var query = Campaign.<Campaign>find("regionCode like ?1",
                Sort.by("startDate", Sort.Direction.Descending).and("id"), prefix + "%");
        return Page.of(query, page, size);
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }
}
