package io.fanzha.campaign.goal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.campaign.campaign.Campaign;
import io.fanzha.campaign.campaign.CampaignService;
import io.fanzha.campaign.category.FraudCategories;
import io.fanzha.campaign.region.RegionService;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.GoalData;
import io.fanzha.contracts.OutreachKind;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.persistence.Tombstones;
import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.rest.ListQuery;
import io.quarkus.panache.common.Sort;

/** Keeps the goals of campaigns, each a valid combination of metric and target, and announces every change. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class GoalService {

    @Inject
    FraudCategories categories;

    @Inject
    Outbox outbox;

    @Inject
    Tombstones tombstones;

    @Inject
    RegionService regions;

    public Goal create(Campaign campaign, GoalRequest request) {
        CampaignService.requireOpen(campaign);
        Goal goal = new Goal();
        goal.id = UUID.randomUUID();
        goal.campaignId = campaign.id;
        apply(goal, campaign, request);
        goal.persistAndFlush();
        announce(EventTypes.GOAL_CREATED, goal, goal.toData());
        return goal;
    }

    /** Replaces a goal; empty when the campaign has no such goal. */
    public Optional<Goal> update(Campaign campaign, UUID id, GoalRequest request) {
        Optional<Goal> found = find(campaign, id);
        found.ifPresent(goal -> {
            goal.requireVersion(request.version(), "goal.stale");
            CampaignService.requireOpen(campaign);
            GoalData before = goal.toData();
            apply(goal, campaign, request);
            if (!goal.toData().equals(before)) {
                Goal.getEntityManager().flush();
                announce(EventTypes.GOAL_UPDATED, goal, goal.toData());
            }
        });
        return found;
    }

    /** Deletes a goal; false when the campaign has no such goal. */
    public boolean delete(Campaign campaign, UUID id) {
        Optional<Goal> found = find(campaign, id);
        found.ifPresent(goal -> {
            CampaignService.requireOpen(campaign);
            goal.delete();
            tombstones.record(Goal.KIND, goal.id.toString(), goal.regionCode, campaign.id);
            announce(EventTypes.GOAL_DELETED, goal, goal.toData(goal.version + 1));
        });
        return found.isPresent();
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Goal> find(Campaign campaign, UUID id) {
        return Goal.<Goal>findByIdOptional(id).filter(goal -> goal.campaignId.equals(campaign.id));
    }

    @Transactional(TxType.SUPPORTS)
    public Page<Goal> of(Campaign campaign, ListQuery list) {
        Where where = Where.of("campaignId = :campaign", "campaign", campaign.id).filter(list);
        return tombstones.addTo(Page.of(Goal.find(where.clause(), Sort.by("createdAt").and("id"), where.parameters()), list),
                Goal.KIND, list, "", campaign.id);
    }

    /**
     * Which fields each metric takes (docs/campaigns.md, "Goals"): CASES and LOSS compare a period with the same period
     * last year; COVERAGE is reached by a deadline; ACTIVITY_COUNT counts outreach of given kinds in a period or by a
     * deadline. A field a metric does not take is refused rather than ignored.
     */
    private void apply(Goal goal, Campaign campaign, GoalRequest request) {
        GoalMetric metric = request.metric();
        boolean yearOnYear = metric == GoalMetric.CASES || metric == GoalMetric.LOSS;
        refuseIf(!yearOnYear && request.targetChangePercent() != null, "targetChangePercent",
                "A " + metric + " goal has no change against last year; use " + target(metric) + ".");
        refuseIf(metric != GoalMetric.COVERAGE && request.targetPercent() != null, "targetPercent",
                "Only a COVERAGE goal has a target percent; a " + metric + " goal uses " + target(metric) + ".");
        refuseIf(metric != GoalMetric.ACTIVITY_COUNT && request.targetCount() != null, "targetCount",
                "Only an ACTIVITY_COUNT goal has a target count.");
        refuseIf(metric != GoalMetric.ACTIVITY_COUNT && present(request.outreachKinds()), "outreachKinds",
                "Only an ACTIVITY_COUNT goal counts outreach kinds.");
        refuseIf(!yearOnYear && present(request.categories()), "categories",
                "Only CASES and LOSS goals have fraud categories.");
        refuseIf(yearOnYear && request.deadline() != null, "deadline",
                "A " + metric + " goal is measured over a period, not by a deadline.");
        refuseIf(metric == GoalMetric.COVERAGE && request.period() != null, "period",
                "A COVERAGE goal is reached by a deadline, not over a period.");
        requireIf(yearOnYear && request.period() == null, "goal.period-missing", "period",
                "A " + metric + " goal needs the period it is measured over, e.g. 2024-Q1.");
        requireIf(metric == GoalMetric.COVERAGE && request.deadline() == null, "goal.deadline-missing", "deadline",
                "A COVERAGE goal needs the deadline by which it is to be reached.");
        requireIf(metric == GoalMetric.ACTIVITY_COUNT && request.period() == null && request.deadline() == null,
                "goal.period-missing", "period", "An ACTIVITY_COUNT goal needs a period or a deadline.");
        requireIf(yearOnYear && request.targetChangePercent() == null, "goal.target-missing", "targetChangePercent",
                "A " + metric + " goal needs targetChangePercent, e.g. -10 for down 10 %.");
        requireIf(metric == GoalMetric.COVERAGE && request.targetPercent() == null, "goal.target-missing",
                "targetPercent", "A COVERAGE goal needs targetPercent, e.g. 100.");
        requireIf(metric == GoalMetric.ACTIVITY_COUNT && (request.targetCount() == null || !present(request.outreachKinds())),
                "goal.target-missing", "targetCount", "An ACTIVITY_COUNT goal needs targetCount and outreachKinds.");
        CampaignService.requireInside(campaign, request.regionCode(), "goal.region-outside");
        regions.requireKnown(request.regionCode());
        categories.requireUsable("categories", request.categories(), goal.categories == null ? List.of() : goal.categories);
        goal.metric = metric;
        goal.categories = present(request.categories()) ? request.categories().stream().distinct().toList() : List.of();
        goal.regionCode = request.regionCode();
        goal.period = request.period() == null ? null : request.period().toString();
        goal.deadline = request.deadline();
        goal.targetChangePercent = request.targetChangePercent();
        goal.targetPercent = request.targetPercent();
        goal.targetCount = request.targetCount();
        goal.outreachKinds = present(request.outreachKinds())
                ? request.outreachKinds().stream().distinct().map(OutreachKind::name).toList() : List.of();
    }

    private static String target(GoalMetric metric) {
        return switch (metric) {
            case CASES, LOSS -> "targetChangePercent";
            case COVERAGE -> "targetPercent";
            case ACTIVITY_COUNT -> "targetCount";
        };
    }

    private static boolean present(List<?> list) {
        return list != null && !list.isEmpty();
    }

    private static void refuseIf(boolean refused, String field, String message) {
        if (refused) {
            throw ProblemException.invalidField("goal.target-invalid", field, message);
        }
    }

    private static void requireIf(boolean missing, String code, String field, String message) {
        if (missing) {
            throw ProblemException.invalidField(code, field, message);
        }
    }

    private void announce(String type, Goal goal, GoalData data) {
        outbox.publish(Topics.CAMPAIGN, type, RegionCode.parse(goal.regionCode).eventKey().value(), goal.id.toString(),
                data);
    }
}
