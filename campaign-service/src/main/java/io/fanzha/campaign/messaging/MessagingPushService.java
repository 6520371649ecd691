package io.fanzha.campaign.messaging;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.campaign.campaign.Campaign;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.MessagingPushData;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.period.Period;
import io.fanzha.platform.persistence.Tombstones;
import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.rest.ListQuery;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.time.Days;
import io.quarkus.panache.common.Sort;

/** Keeps the push log of the messaging groups and announces every entry and every removal. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class MessagingPushService {

    /** A push as stored, and whether this request stored it (false: the same push was logged before). */
    public record Logged(MessagingPush push, boolean created) {
    }

    @Inject
    Outbox outbox;

    @Inject
    Tombstones tombstones;

    /**
     * Logs a push. A push the client sent before under the same id is answered as it was stored, so an app that
     * resends after a lost answer logs nothing twice; the same id with other content is 409 messaging-push.conflict.
     */
    public Logged log(MessagingGroup group, PushRequest request, String user) {
        if (request.id() != null) {
            Optional<MessagingPush> earlier = MessagingPush.findByIdOptional(request.id());
            if (earlier.isPresent()) {
                return new Logged(sameAs(earlier.get(), group, request), false);
            }
        }
        check(group, request);
        MessagingPush push = new MessagingPush();
        push.id = request.id() == null ? UUID.randomUUID() : request.id();
        push.groupId = group.id;
        push.pushedOn = request.pushedOn();
        push.title = request.title().strip();
        push.link = request.link();
        push.campaignId = request.campaignId();
        push.recordedBy = user;
        push.persistAndFlush();
        announce(EventTypes.MESSAGING_PUSH_LOGGED, group, push.toData(group.regionCode));
        return new Logged(push, true);
    }

    /** Takes a push back: admins and coordinators any, others only those they logged themselves. */
    public void delete(MessagingGroup group, UUID id, String user, boolean anyones) {
        MessagingPush push = find(group, id).orElseThrow(() -> notFound(id));
        if (!anyones && !push.recordedBy.equals(user)) {
            throw ProblemException.forbidden("messaging-push.not-yours",
                    "Push " + id + " was logged by someone else; ask a coordinator to remove it.");
        }
        push.delete();
        tombstones.record(MessagingPush.KIND, id.toString(), group.regionCode, group.id);
        announce(EventTypes.MESSAGING_PUSH_DELETED, group, push.toData(group.regionCode, push.version + 1));
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<MessagingPush> find(MessagingGroup group, UUID id) {
        return MessagingPush.<MessagingPush>findByIdOptional(id).filter(push -> push.groupId.equals(group.id));
    }

    /** A group's pushes, newest first, optionally only those of a period. */
    @Transactional(TxType.SUPPORTS)
    public Page<MessagingPush> of(MessagingGroup group, Period in, ListQuery list) {
        Where where = Where.of("groupId = :group", "group", group.id)
                .and(in != null, "pushedOn >= :from and pushedOn <= :to",
                        in == null ? Map.of() : Map.of("from", in.start(), "to", in.end()))
                .filter(list);
        return tombstones.addTo(Page.of(MessagingPush.find(where.clause(),
                Sort.by("pushedOn", Sort.Direction.Descending).and("createdAt", Sort.Direction.Descending).and("id"),
                where.parameters()), list), MessagingPush.KIND, list, "", group.id);
    }

    public static ProblemException notFound(UUID id) {
        return ProblemException.notFound("messaging-push.not-found", "Push " + id + " does not exist in this group.");
    }

    private static void check(MessagingGroup group, PushRequest request) {
        if (request.pushedOn().isAfter(Days.today())) {
            throw ProblemException.invalidField("messaging-push.in-future", "pushedOn",
                    "A push cannot be logged for a day after today (" + Days.today() + " in China).");
        }
        if (request.pushedOn().isBefore(group.createdOn)) {
            throw ProblemException.invalidField("messaging-push.before-group", "pushedOn",
                    "The group was set up on " + group.createdOn + ", after " + request.pushedOn() + ".");
        }
        if (request.campaignId() != null) {
            Campaign campaign = Campaign.<Campaign>findByIdOptional(request.campaignId()).orElseThrow(() -> ProblemException
                    .invalidField("messaging-push.campaign-unknown", "campaignId",
                            "Campaign " + request.campaignId() + " does not exist."));
            if (!RegionCode.parse(group.regionCode).isWithin(campaign.regionCode)) {
                throw ProblemException.invalidField("messaging-push.campaign-outside", "campaignId", "The group's region "
                        + group.regionCode + " is not within the campaign's region " + campaign.regionCode + ".");
            }
        }
    }

    private static MessagingPush sameAs(MessagingPush earlier, MessagingGroup group, PushRequest request) {
        boolean same = earlier.groupId.equals(group.id) && earlier.pushedOn.equals(request.pushedOn())
                && earlier.title.equals(request.title().strip()) && Objects.equals(earlier.link, request.link())
                && Objects.equals(earlier.campaignId, request.campaignId());
        if (!same) {
            throw ProblemException.conflict("messaging-push.conflict", "Push " + earlier.id + " was logged before with "
                    + "other content; log a new push with a new id, or remove that one first.");
        }
        return earlier;
    }

    private void announce(String type, MessagingGroup group, MessagingPushData data) {
        outbox.publish(Topics.CAMPAIGN, type, RegionCode.parse(group.regionCode).eventKey().value(), data.id().toString(),
                data);
    }
}
