package io.fanzha.campaign.task;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.campaign.campaign.Campaign;
import io.fanzha.campaign.campaign.CampaignService;
import io.fanzha.campaign.region.RegionService;
import io.fanzha.campaign.unit.Unit;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.OutreachKind;
import io.fanzha.contracts.TaskData;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.persistence.Tombstones;
import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.rest.SearchQuery;
import io.quarkus.panache.common.Sort;

/** Keeps the tasks of campaigns and announces every change; their progress is reporting-service's to compute. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class TaskService {

    @Inject
    Outbox outbox;

    @Inject
    Tombstones tombstones;

    @Inject
    RegionService regions;

    public Task create(Campaign campaign, TaskRequest request) {
        CampaignService.requireOpen(campaign);
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.campaignId = campaign.id;
        apply(task, campaign, request);
        task.persistAndFlush();
        announce(EventTypes.TASK_CREATED, task, task.toData());
        return task;
    }

    /** Replaces a task; empty when the campaign has no such task. */
    public Optional<Task> update(Campaign campaign, UUID id, TaskRequest request) {
        Optional<Task> found = find(campaign, id);
        found.ifPresent(task -> {
            task.requireVersion(request.version(), "task.stale");
            CampaignService.requireOpen(campaign);
            TaskData before = task.toData();
            apply(task, campaign, request);
            if (!task.toData().equals(before)) {
                Task.getEntityManager().flush();
                announce(EventTypes.TASK_UPDATED, task, task.toData());
            }
        });
        return found;
    }

    /** Deletes a task; false when the campaign has no such task. */
    public boolean delete(Campaign campaign, UUID id) {
        Optional<Task> found = find(campaign, id);
        found.ifPresent(task -> {
            CampaignService.requireOpen(campaign);
            task.delete();
            tombstones.record(Task.KIND, task.id.toString(), task.regionCode, campaign.id);
            announce(EventTypes.TASK_DELETED, task, task.toData(task.version + 1));
        });
        return found.isPresent();
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Task> find(Campaign campaign, UUID id) {
        return Task.<Task>findByIdOptional(id).filter(task -> task.campaignId.equals(campaign.id));
    }

    /** The tasks of a campaign, soonest deadline first. */
    @Transactional(TxType.SUPPORTS)
    public Page<Task> of(Campaign campaign, SearchQuery list) {
        Where where = Where.of("campaignId = :campaign", "campaign", campaign.id).search(list, "title");
        return tombstones.addTo(Page.of(Task.find(where.clause(), Sort.by("deadline").and("createdAt").and("id"),
                where.parameters()), list), Task.KIND, list, "", campaign.id);
    }

    /** A quota is a count of given outreach kinds, or a coverage percent, or none; the units must exist. */
    private void apply(Task task, Campaign campaign, TaskRequest request) {
        boolean counted = request.quotaCount() != null || (request.quotaKinds() != null && !request.quotaKinds().isEmpty());
        if (counted && request.quotaCoveragePercent() != null) {
            throw ProblemException.invalidField("task.quota-invalid", "quotaCoveragePercent",
                    "A quota is a count of outreach or a coverage percent, not both.");
        }
        if (counted && (request.quotaCount() == null || request.quotaKinds() == null || request.quotaKinds().isEmpty())) {
            throw ProblemException.invalidField("task.quota-invalid", request.quotaCount() == null ? "quotaCount" : "quotaKinds",
                    "A counted quota needs both quotaCount and the quotaKinds it counts.");
        }
        CampaignService.requireInside(campaign, request.regionCode(), "task.region-outside");
        regions.requireKnown(request.regionCode());
        List<UUID> units = request.unitIds() == null ? List.of() : request.unitIds().stream().distinct().toList();
        for (int i = 0; i < units.size(); i++) {
            if (Unit.findById(units.get(i)) == null) {
                throw ProblemException.invalidField("task.unit-unknown", "unitIds[" + i + "]",
                        "Unit " + units.get(i) + " does not exist.");
            }
        }
        task.title = request.title().strip();
        task.kind = request.kind();
        task.unitIds = units;
        task.regionCode = request.regionCode();
        task.deadline = request.deadline();
        task.quotaCount = request.quotaCount();
        task.quotaKinds = counted ? request.quotaKinds().stream().distinct().map(OutreachKind::name).toList() : List.of();
        task.quotaCoveragePercent = request.quotaCoveragePercent();
        task.notes = request.notes() == null || request.notes().isBlank() ? null : request.notes().strip();
    }

    private void announce(String type, Task task, TaskData data) {
        outbox.publish(Topics.CAMPAIGN, type, RegionCode.parse(task.regionCode).eventKey().value(), task.id.toString(),
                data);
    }
}
