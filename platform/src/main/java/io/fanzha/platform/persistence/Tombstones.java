package io.fanzha.platform.persistence;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.platform.rest.ListQuery;
import io.fanzha.platform.rest.Page;

/**
 * What was deleted, and when, so that a list asked for the changes since an instant can name the deletions too
 * (docs/api.md, "Lists"): an offline app that only asked for changed items would keep a deleted task forever.
 * Written in the transaction of the deletion; kept, since a tombstone is a few bytes and a phone may have been
 * offline for months.
 */
@ApplicationScoped
public class Tombstones {

    /** Deletions named in one answer at most; a client that missed more reads the whole list again. */
    public static final int MAX = 10_000;

    private final EntityManager entityManager;

    Tombstones(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the deletion of {@code id} of {@code kind}, placed in a region and optionally under a parent. */
    @Transactional(TxType.MANDATORY)
    public void record(String kind, String id, String regionCode, UUID parentId) {
        entityManager.createNativeQuery("""
                insert into tombstone (kind, id, region_code, parent_id, deleted_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (kind, id) do update set region_code = excluded.region_code,
                    parent_id = excluded.parent_id, deleted_at = excluded.deleted_at""")
                .setParameter(1, kind).setParameter(2, id).setParameter(3, regionCode).setParameter(4, parentId)
                .setParameter(5, OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
    }

    /** An id that exists again (a region code re-created) is no longer deleted. */
    @Transactional(TxType.MANDATORY)
    public void forget(String kind, String id) {
        entityManager.createNativeQuery("delete from tombstone where kind = ?1 and id = ?2")
                .setParameter(1, kind).setParameter(2, id).executeUpdate();
    }

    /**
     * The page with the deletions a list's caller must learn of: only when the list asked for changes since an
     * instant, only on its first page, those of {@code kind} deleted after that instant within the region subtree
     * {@code regionPrefix} and, when given, under {@code parentId}; oldest first.
     */
    @Transactional(TxType.SUPPORTS)
    public <T> Page<T> addTo(Page<T> page, String kind, ListQuery list, String regionPrefix, UUID parentId) {
        if (list.since().isEmpty() || list.page != 0) {
            return page;
        }
        Query query = entityManager.createNativeQuery("select id from tombstone where kind = ?1 and deleted_at > ?2 "
                + "and region_code like ?3" + (parentId == null ? "" : " and parent_id = ?5") + " order by deleted_at, id "
                + "limit ?4")
                .setParameter(1, kind).setParameter(2, list.since().get()).setParameter(3, regionPrefix + "%")
                .setParameter(4, MAX);
        if (parentId != null) {
            query.setParameter(5, parentId);
        }
        @SuppressWarnings("unchecked")
        List<String> ids = query.getResultList();
        return page.withRemoved(ids);
    }
}
