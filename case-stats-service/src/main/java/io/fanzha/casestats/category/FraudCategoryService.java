package io.fanzha.casestats.category;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.rest.SearchQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;

/** Keeps the catalogue and announces every change on fanzha.casestats.v1, keyed CN: the catalogue is national. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class FraudCategoryService {

    private static final Logger LOG = Logger.getLogger(FraudCategoryService.class);
    /** Kept last, whatever is added after it. */
    private static final String OTHER = "OTHER";

    @Inject
    Outbox outbox;

    /**
     * Announces the categories the migrations seeded, once: after the platform's migrations (which create the
     * outbox), in one transaction with the flag that says so.
     */
    void announceSeeded(@Observes StartupEvent startup) {
        List<FraudCategory> unannounced = FraudCategory.list("announced = false", Sort.by("sortOrder"));
        unannounced.forEach(category -> announce(EventTypes.FRAUD_CATEGORY_CREATED, category));
        // A bulk update: the flag is no change of the category, so its version stays the one announced.
        FraudCategory.update("announced = true where announced = false");
        if (!unannounced.isEmpty()) {
            LOG.infof("Announced %d fraud categories of the catalogue", unannounced.size());
        }
    }

    public FraudCategory create(FraudCategoryRequest request) {
        if (request.code() == null) {
            throw ProblemException.invalidField("request.invalid", "code", "A new category needs its code.");
        }
        if (FraudCategory.findById(request.code()) != null) {
            throw ProblemException.conflict("category.exists", "Fraud category " + request.code() + " exists; codes "
                    + "are never reused, even for an inactive category.");
        }
        FraudCategory category = new FraudCategory();
        category.code = request.code();
        category.sortOrder = nextPlace();
        category.announced = true;
        apply(category, request);
        category.persistAndFlush();
        announce(EventTypes.FRAUD_CATEGORY_CREATED, category);
        return category;
    }

    /** Renames, refocuses, deactivates or reactivates a category; empty when there is none of that code. */
    public Optional<FraudCategory> update(String code, FraudCategoryRequest request) {
        Optional<FraudCategory> found = FraudCategory.findByIdOptional(code);
        found.ifPresent(category -> {
            if (request.code() != null && !request.code().equals(code)) {
                throw ProblemException.invalidField("category.code-immutable", "code",
                        "A category's code never changes; add a new category instead.");
            }
            category.requireVersion(request.version(), "category.stale");
            var before = category.toData();
            apply(category, request);
            if (!before.equals(category.toData())) {
                FraudCategory.getEntityManager().flush();
                announce(EventTypes.FRAUD_CATEGORY_UPDATED, category);
            }
        });
        return found;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<FraudCategory> find(String code) {
        return FraudCategory.findByIdOptional(code);
    }

    /** The catalogue in its order, optionally only the focus or the active categories. */
    @Transactional(TxType.SUPPORTS)
    public Page<FraudCategory> list(Boolean focus, Boolean active, SearchQuery list) {
        Where where = Where.of("focus = :focus", "focus", focus).and("active = :active", "active", active)
                .search(list, "code", "nameZh", "nameEn");
        return Page.of(FraudCategory.find(where.clause(), Sort.by("sortOrder"), where.parameters()), list);
    }

    private static void apply(FraudCategory category, FraudCategoryRequest request) {
        category.nameZh = request.nameZh().strip();
        category.nameEn = request.nameEn().strip();
        category.focus = Objects.equals(request.focus(), Boolean.TRUE);
        category.active = !Objects.equals(request.active(), Boolean.FALSE);
    }

    /** After the last category but OTHER, which stays last. */
    private static int nextPlace() {
        Integer last = FraudCategory.getEntityManager()
                .createQuery("select max(c.sortOrder) from FraudCategory c where c.code <> :other", Integer.class)
                .setParameter("other", OTHER).getSingleResult();
        return (last == null ? 0 : last) + 1;
    }

    private void announce(String type, FraudCategory category) {
        outbox.publish(Topics.CASE_STATS, type, RegionCode.NATIONAL, category.code, category.toData());
    }
}
