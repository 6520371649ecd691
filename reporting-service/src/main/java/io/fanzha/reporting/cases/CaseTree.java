package io.fanzha.reporting.cases;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fanzha.reporting.readmodel.Sql;

/**
 * Weekly case figures of a subtree, summed without counting a case twice: a region's own report for a week and
 * category is its figure, and only where it has none do the reports below it add up. A township that reports its
 * total beside its villages' reports is counted once, by its own figure (docs/reports.md, "Case figures").
 */
public final class CaseTree {

    /** One weekly report: cases and loss (null: not reported, counted as none). */
    public record Report(String region, LocalDate week, String category, int cases, BigDecimal loss) {
    }

    /** Cases and loss summed. */
    public record Sum(long cases, BigDecimal loss) {
        public static final Sum ZERO = new Sum(0, BigDecimal.ZERO.setScale(2));

        Sum plus(long moreCases, BigDecimal moreLoss) {
            return new Sum(cases + moreCases, loss.add(moreLoss));
        }

        Sum plus(Sum other) {
            return plus(other.cases, other.loss);
        }
    }

    private record Key(LocalDate week, String category) {
    }

    private final Map<Key, List<Report>> byWeekAndCategory = new HashMap<>();

    private CaseTree(Collection<Report> reports) {
        for (Report report : reports) {
            byWeekAndCategory.computeIfAbsent(new Key(report.week(), report.category()), k -> new ArrayList<>()).add(report);
        }
    }

    /** The weekly reports of the subtree of {@code root} for these weeks and categories (none: all). */
    public static CaseTree load(Connection connection, String root, Collection<LocalDate> weeks,
            Collection<String> categories) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT region_code, week_start, category, coalesce(cases, 0), coalesce(loss, 0) FROM case_report
                WHERE NOT deleted AND week_start = ANY (?) AND region_code LIKE ? || '%'
                  AND (cardinality(?::text[]) = 0 OR category = ANY (?))""")) {
            select.setArray(1, connection.createArrayOf("date", weeks.stream().map(Date::valueOf).toArray()));
            select.setString(2, root);
            Sql.setTexts(select, 3, categories);
            Sql.setTexts(select, 4, categories);
            List<Report> reports = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reports.add(new Report(rows.getString(1), rows.getObject(2, LocalDate.class), rows.getString(3),
                            rows.getInt(4), rows.getBigDecimal(5)));
                }
            }
            return new CaseTree(reports);
        }
    }

    public static CaseTree of(Collection<Report> reports) {
        return new CaseTree(reports);
    }

    /** The figures of {@code region} in these weeks, for one category or (null) all. */
    public Sum sum(String region, Collection<LocalDate> weeks, String category) {
        Sum sum = Sum.ZERO;
        for (var entry : byWeekAndCategory.entrySet()) {
            if (weeks.contains(entry.getKey().week()) && (category == null || category.equals(entry.getKey().category()))) {
                sum = sum.plus(sumBelow(region, entry.getValue()));
            }
        }
        return sum;
    }

    /** The categories with a report in these weeks anywhere in the tree, sorted. */
    public List<String> categories(Collection<LocalDate> weeks) {
        return byWeekAndCategory.keySet().stream().filter(key -> weeks.contains(key.week())).map(Key::category)
                .distinct().sorted().toList();
    }

    /** One week and category: the region's own report, or else the sum of its children's, each alike. */
    private static Sum sumBelow(String region, List<Report> reports) {
        Sum own = null;
        Map<String, List<Report>> byChild = new HashMap<>();
        for (Report report : reports) {
            if (!report.region().startsWith(region)) {
                continue;
            }
            if (report.region().length() == region.length()) {
                own = (own == null ? Sum.ZERO : own).plus(report.cases(), report.loss());
            } else {
                String child = report.region().substring(0, childLength(region.length()));
                byChild.computeIfAbsent(child, c -> new ArrayList<>()).add(report);
            }
        }
        if (own != null) {
            return own;
        }
        Sum sum = Sum.ZERO;
        for (var child : byChild.entrySet()) {
            sum = sum.plus(sumBelow(child.getKey(), child.getValue()));
        }
        return sum;
    }

    /** Code lengths go 2, 4, 6, 9, 12, 15. */
    private static int childLength(int length) {
        return length < 6 ? length + 2 : length + 3;
    }
}
