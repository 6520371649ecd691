package io.fanzha.reporting.bulletin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The bulletin's cases as CSV: the flat table of {@link BulletinTable}, a line per region and category. UTF-8 with a
 * byte order mark, so that Excel opens it with its Chinese intact; money with two decimals, percents with one, an
 * empty cell where there is no change to give.
 */
@ApplicationScoped
public class BulletinCsv {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            // A BigDecimal as 125000.00, never 1.25E+5.
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // The caller owns the stream (a response, say) and closes it.
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();
    private static final CsvSchema SCHEMA = schema();

    public void write(Bulletin bulletin, OutputStream out) throws IOException {
        out.write("\uFEFF".getBytes(StandardCharsets.UTF_8));
        try (SequenceWriter writer = MAPPER.writer(SCHEMA).writeValues(out)) {
            for (BulletinTable.Line line : BulletinTable.lines(bulletin)) {
                writer.write(line.cells().stream().map(BulletinCsv::defused).toList());
            }
        }
        out.flush();
    }

    /**
     * A text cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading
     * apostrophe, as in the outreach ledger: a region's name must not become a formula on a reader's machine.
     * Numbers are numbers and stay as they are (a negative change is not a formula).
     */
    static Object defused(Object cell) {
        if (cell instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return cell;
    }

    private static CsvSchema schema() {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        BulletinTable.HEADERS.forEach(schema::addColumn);
        return schema.build();
    }
}
