package io.fanzha.outreach.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.fanzha.platform.period.Period;
import io.fanzha.platform.time.Days;

/**
 * Reads the ledger's rows through a database cursor, a thousand at a time, so that an export of any size holds one
 * batch of rows (docs/outreach.md, "Ledger").
 */
final class LedgerQuery {

    /** What a row is written from: one cell per column, text or whole numbers or null. */
    interface RowSink {
        void row(List<Object> cells) throws java.io.IOException;
    }

    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String prefix;
    private final Period period;
    private final UUID unitId;

    LedgerQuery(String prefix, Period period, UUID unitId) {
        this.prefix = prefix;
        this.period = period;
        this.unitId = unitId;
    }

    void read(DataSource dataSource, RowSink sink) throws SQLException, java.io.IOException {
        StringBuilder sql = new StringBuilder("""
                select r.id, r.kind, r.occurred_at, r.region_code, g.name, coalesce(u.name, cast(r.unit_id as text)),
                       cast(r.campaign_id as text), cast(r.task_id as text), r.target_group, r.people_reached,
                       r.households_reached, r.materials, r.app_installs, r.receipts_returned, r.questions_answered,
                       r.household_ref, r.notice_signed, r.worker, r.review_state, r.review_comment, r.voided,
                       r.void_reason, r.note, r.version,
                       (select string_agg(e.name, ' ' order by e.name) from evidence e where e.record_id = r.id),
                       case when r.evidence_expected is not null
                            then greatest(0, r.evidence_expected - r.evidence_received) end,
                       (select string_agg(distinct f.reason, ' ') from evidence_flag f where f.record_id = r.id)
                from outreach_record r
                left join region g on g.code = r.region_code
                left join unit u on u.id = r.unit_id
                where r.region_code like ?""");
        if (period != null) {
            sql.append(" and r.occurred_at >= ? and r.occurred_at < ?");
        }
        if (unitId != null) {
            sql.append(" and r.unit_id = ?");
        }
        sql.append(" order by r.region_code, r.occurred_at, r.id");
        try (Connection connection = dataSource.getConnection()) {
            // A cursor needs a transaction; it only reads.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                query.setFetchSize(1000);
                int parameter = 1;
                query.setString(parameter++, prefix + "%");
                if (period != null) {
                    query.setObject(parameter++, period.start().atStartOfDay(Days.ZONE).toOffsetDateTime());
                    query.setObject(parameter++, period.end().plusDays(1).atStartOfDay(Days.ZONE).toOffsetDateTime());
                }
                if (unitId != null) {
                    query.setObject(parameter, unitId);
                }
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        sink.row(cells(result));
                    }
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private static List<Object> cells(ResultSet result) throws SQLException {
        List<Object> cells = new ArrayList<>(LedgerColumns.HEADERS.size());
        String id = result.getString(1);
        cells.add(id);
        cells.add(result.getString(2));
        cells.add(result.getObject(3, OffsetDateTime.class).atZoneSameInstant(Days.ZONE).format(CHINA_TIME));
        for (int column = 4; column <= 9; column++) {
            cells.add(result.getString(column));
        }
        for (int column = 10; column <= 15; column++) {
            int value = result.getInt(column);
            cells.add(result.wasNull() ? null : value);
        }
        cells.add(result.getString(16));
        boolean signed = result.getBoolean(17);
        cells.add(result.wasNull() ? null : signed ? "是 yes" : "否 no");
        cells.add(result.getString(18));
        cells.add(result.getString(19));
        cells.add(result.getString(20));
        cells.add(result.getBoolean(21) ? "是 yes" : "否 no");
        cells.add(result.getString(22));
        cells.add(result.getString(23));
        cells.add(result.getLong(24));
        cells.add("/api/v1/outreach/" + id);
        // File names are letters, digits, '.', '-' and '_': a space parts their links.
        String files = result.getString(25);
        cells.add(files == null ? null : Arrays.stream(files.split(" "))
                .map(name -> "/api/v1/outreach/" + id + "/evidence/" + name).collect(Collectors.joining(" ")));
        int missing = result.getInt(26);
        cells.add(result.wasNull() ? null : missing);
        cells.add(result.getString(27));
        return cells;
    }
}
