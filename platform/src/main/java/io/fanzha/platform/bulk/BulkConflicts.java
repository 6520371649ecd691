package io.fanzha.platform.bulk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the conflicts of one bulk request, however many: all are counted, the first {@value #LISTED} by position
 * are kept for the answer, so a file of a million bad rows answers in bounded memory.
 */
public final class BulkConflicts {

    public static final int LISTED = 1000;

    private final List<BulkConflict> listed = new ArrayList<>();
    private long count;

    public void add(BulkConflict conflict) {
        count++;
        listed.add(conflict);
        if (listed.size() > 2 * LISTED) {
            keepFirst();
        }
    }

    public long count() {
        return count;
    }

    /** The first {@value #LISTED} conflicts by position. */
    public List<BulkConflict> listed() {
        keepFirst();
        return List.copyOf(listed);
    }

    private void keepFirst() {
        listed.sort(Comparator.comparingLong(BulkConflict::index));
        if (listed.size() > LISTED) {
            listed.subList(LISTED, listed.size()).clear();
        }
    }
}
