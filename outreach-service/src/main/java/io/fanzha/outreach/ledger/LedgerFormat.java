package io.fanzha.outreach.ledger;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** The two forms of the ledger, each written row by row as the cursor reads them. */
enum LedgerFormat {

    CSV("text/csv; charset=UTF-8", "csv") {
        @Override
        void write(LedgerQuery query, javax.sql.DataSource dataSource, OutputStream out) throws Exception {
            // A byte order mark, so that Excel opens the UTF-8 file with its Chinese intact.
            out.write("\uFEFF".getBytes(StandardCharsets.UTF_8));
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            LedgerColumns.HEADERS.forEach(schema::addColumn);
            try (SequenceWriter writer = new CsvMapper().writer(schema.build()).writeValues(out)) {
                query.read(dataSource, cells -> writer.write(cells.stream().map(LedgerFormat::defused).toList()));
            }
        }
    },

    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx") {
        @Override
        void write(LedgerQuery query, javax.sql.DataSource dataSource, OutputStream out) throws Exception {
            Workbook workbook = new Workbook(out, "Fanzha", "1.0");
            Worksheet sheet = workbook.newWorksheet("台账 Ledger");
            for (int column = 0; column < LedgerColumns.HEADERS.size(); column++) {
                sheet.inlineString(0, column, LedgerColumns.HEADERS.get(column));
            }
            int[] row = { 0 };
            query.read(dataSource, cells -> {
                row[0]++;
                for (int column = 0; column < cells.size(); column++) {
                    Object cell = cells.get(column);
                    if (cell instanceof Number number) {
                        sheet.value(row[0], column, number);
                    } else if (cell != null) {
                        // Inline, not in the shared-strings table, which would grow with every distinct text.
                        sheet.inlineString(row[0], column, cell.toString());
                    }
                }
                if (row[0] % FLUSH_ROWS == 0) {
                    sheet.flush();
                }
            });
            workbook.finish();
        }
    };

    /** Rows between two flushes of the sheet to the response. */
    private static final int FLUSH_ROWS = 1000;

    final String mediaType;
    final String extension;

    LedgerFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    abstract void write(LedgerQuery query, javax.sql.DataSource dataSource, OutputStream out) throws Exception;

    /**
     * A text cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is written with a
     * leading apostrophe: a worker's note must not become a formula on an inspector's machine.
     */
    static Object defused(Object cell) {
        if (cell instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return cell;
    }
}
