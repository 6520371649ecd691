package io.fanzha.platform.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import io.fanzha.platform.problem.ProblemException;

/**
 * Reads the rows of a bulk request as they arrive, one at a time, never the whole file: CSV (Jackson CSV, a header
 * row, UTF-8 with or without a byte order mark), XLSX (fastexcel's streaming reader, the first sheet, a header row)
 * or JSON ({@code {"<items>": [...]}}). A row that cannot be read is a
 * conflict of that row; a body that cannot be read at all (not UTF-8, not CSV, no items array, an unknown column) is
 * a 400 problem. Cells reach the sink as text, null when empty, whatever the form; the caller checks their values.
 */
@ApplicationScoped
public class BulkRows {

    /**
     * What a file holds: the JSON array's name, its columns (those required in a CSV header among them), the
     * columns that are whole numbers, those that are amounts (a JSON number or string), and the column that names
     * a row in a conflict.
     */
    public record Layout(String items, List<String> columns, Set<String> required, Set<String> wholeNumbers,
            Set<String> amounts, String idColumn) {
    }

    /** How a body is written, by its content type. */
    public enum Format {
        JSON, CSV, XLSX;

        public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

        /** JSON unless the content type says CSV or XLSX. */
        public static Format of(String contentType) {
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            return type.startsWith("text/csv") ? CSV : type.startsWith(XLSX_TYPE) ? XLSX : JSON;
        }
    }

    /** Where the rows go: either read (cells as text, null when empty) or refused. */
    public interface Sink {
        void row(long index, Long line, Map<String, String> cells);

        void refused(BulkConflict conflict);
    }

    private static final CsvMapper CSV = new CsvMapper();

    @Inject
    ObjectMapper json;

    public void read(InputStream body, Format format, Layout layout, Sink sink) {
        switch (format) {
            case CSV -> readCsv(body, layout, sink);
            case XLSX -> readXlsx(body, layout, sink);
            case JSON -> readJson(body, layout, sink);
        }
    }

    public void readCsv(InputStream body, Layout layout, Sink sink) {
        try (Reader reader = strictUtf8(skipByteOrderMark(body));
                MappingIterator<List<String>> rows = CSV.readerFor(List.class)
                        .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader)) {
            if (!rows.hasNextValue()) {
                throw ProblemException.badRequest("import.header-invalid", "The file is empty; expected the header "
                        + String.join(",", layout.columns()) + ".");
            }
            List<String> header = rows.nextValue().stream().map(String::strip).toList();
            checkHeader(header, layout);
            long index = 0;
            while (rows.hasNextValue()) {
                long line = rows.getCurrentLocation().getLineNr(); // where the row starts
                List<String> cells = rows.nextValue();
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue; // an empty line, such as the one a file ends with
                }
                if (cells.size() != header.size()) {
                    sink.refused(new BulkConflict(index++, line, null, "request.malformed", null, "The row has "
                            + cells.size() + " cells; the header has " + header.size() + "."));
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells.get(i).isEmpty() ? null : cells.get(i));
                }
                sink.row(index++, line, row);
            }
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("request.malformed", "The file is not well-formed UTF-8.");
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("request.malformed", "The file is not CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("request.malformed", "The file could not be read: " + e.getMessage());
        }
    }

    /**
     * The first sheet of a workbook, its first row the header, as CSV's rules read it. A number cell reaches the
     * sink as the number the file stores (so 125000.5, not a formatted "125,000.50"); a formula cell as its value.
     */
    public void readXlsx(InputStream body, Layout layout, Sink sink) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(body); Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Iterator<Row> iterator = rows.iterator();
            if (!iterator.hasNext()) {
                throw ProblemException.badRequest("import.header-invalid", "The first sheet is empty; expected the "
                        + "header " + String.join(",", layout.columns()) + ".");
            }
            Row first = iterator.next();
            List<String> header = new ArrayList<>();
            for (int i = 0; i < first.getCellCount(); i++) {
                header.add(text(first.getCell(i)) == null ? "" : text(first.getCell(i)).strip());
            }
            while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
                header.remove(header.size() - 1);
            }
            checkHeader(header, layout);
            long index = 0;
            while (iterator.hasNext()) {
                Row row = iterator.next();
                Map<String, String> cells = new HashMap<>();
                boolean blank = true;
                for (int i = 0; i < row.getCellCount(); i++) {
                    String value = text(row.getCell(i));
                    if (value == null) {
                        continue;
                    }
                    blank = false;
                    if (i >= header.size()) {
                        sink.refused(new BulkConflict(index, (long) row.getRowNum(), null, "request.malformed", null,
                                "The row has a cell beyond the header's " + header.size() + " columns."));
                        cells = null;
                        break;
                    }
                    cells.put(header.get(i), value);
                }
                if (blank) {
                    continue;
                }
                if (cells != null) {
                    sink.row(index, (long) row.getRowNum(), cells);
                }
                index++;
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ProblemException.badRequest("request.malformed", "The file is not an XLSX workbook: " + e.getMessage());
        }
    }

    /** A cell as text, null when empty: a number as stored, a formula as its cached value. */
    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        String value = switch (cell.getType()) {
            case NUMBER -> cell.asNumber().stripTrailingZeros().toPlainString();
            case STRING, BOOLEAN, FORMULA -> cell.getRawValue();
            case ERROR, EMPTY -> null;
        };
        return value == null || value.isBlank() ? null : value;
    }

    public void readJson(InputStream body, Layout layout, Sink sink) {
        String shape = "{\"" + layout.items() + "\": [...]}";
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME
                    || !layout.items().equals(parser.currentName()) || parser.nextToken() != JsonToken.START_ARRAY) {
                throw ProblemException.badRequest("request.malformed", "Expected " + shape + ".");
            }
            // One item at a time: the items that follow are not trailing tokens here.
            ObjectReader items = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            long index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode item = items.readTree(parser);
                row(index++, item, layout, sink);
            }
            if (parser.nextToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw ProblemException.badRequest("request.malformed", "Expected nothing after the " + layout.items()
                        + " array.");
            }
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("request.malformed", "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("request.malformed", "The body could not be read: " + e.getMessage());
        }
    }

    private static void row(long index, JsonNode item, Layout layout, Sink sink) {
        if (!item.isObject()) {
            sink.refused(new BulkConflict(index, null, null, "request.malformed", null, "An item must be an object."));
            return;
        }
        String id = text(item.get(layout.idColumn()));
        Map<String, String> row = new HashMap<>();
        for (var fields = item.fields(); fields.hasNext(); ) {
            var field = fields.next();
            JsonNode value = field.getValue();
            String name = field.getKey();
            if (!layout.columns().contains(name)) {
                sink.refused(new BulkConflict(index, null, id, "request.invalid", name, "'" + name + "' is not a field of "
                        + "an item"));
                return;
            }
            String expected = layout.wholeNumbers().contains(name) ? (value.isIntegralNumber() ? null : "a whole number")
                    : layout.amounts().contains(name) ? (value.isNumber() || value.isTextual() ? null : "an amount")
                    : value.isTextual() ? null : "a text";
            if (!value.isNull() && expected != null) {
                sink.refused(new BulkConflict(index, null, id, "request.malformed", name, "must be " + expected));
                return;
            }
            row.put(name, value.isNull() ? null : value.isNumber() ? value.decimalValue().toPlainString() : value.asText());
        }
        sink.row(index, null, row);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static void checkHeader(List<String> header, Layout layout) {
        if (!header.containsAll(layout.required()) || !layout.columns().containsAll(header)
                || Set.copyOf(header).size() != header.size()) {
            throw ProblemException.badRequest("import.header-invalid", "The header is " + String.join(",", header)
                    + "; expected " + String.join(", ", layout.required()) + ", and any of the columns "
                    + String.join(",", layout.columns()) + ", each once.");
        }
    }

    private static InputStream skipByteOrderMark(InputStream in) throws IOException {
        PushbackInputStream stream = new PushbackInputStream(in, 3);
        byte[] head = stream.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            stream.unread(head);
        }
        return stream;
    }

    private static Reader strictUtf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
