package io.fanzha.campaign.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

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

import io.fanzha.platform.bulk.BulkConflict;
import io.fanzha.platform.problem.ProblemException;

/**
 * Reads the rows of a region import as they arrive, one at a time, never the whole file: CSV (Jackson CSV, header
 * {@code code,name,parentCode,residentHouseholds,population}, UTF-8 with or without a byte order mark) or JSON
 * ({@code {"regions": [...]}}). A row that cannot be read as a region is a conflict of that row; a body that
 * cannot be read at all (not UTF-8, not CSV, no regions array, an unknown column) is a 400 problem.
 */
@ApplicationScoped
public class RegionImportRows {

    static final List<String> COLUMNS = List.of("code", "name", "parentCode", "residentHouseholds", "population");

    /** Where the rows go: either read (cells as text, null when empty) or refused. */
    interface Sink {
        void row(long index, Long line, Map<String, String> cells);

        void refused(BulkConflict conflict);
    }

    private static final CsvMapper CSV = new CsvMapper();

    @Inject
    ObjectMapper json;

    public void readCsv(InputStream body, Sink sink) {
        try (Reader reader = strictUtf8(skipByteOrderMark(body));
                MappingIterator<List<String>> rows = CSV.readerFor(List.class)
                        .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader)) {
            if (!rows.hasNextValue()) {
                throw ProblemException.badRequest("import.header-invalid", "The file is empty; expected the header "
                        + String.join(",", COLUMNS) + ".");
            }
            List<String> header = rows.nextValue().stream().map(String::strip).toList();
            checkHeader(header);
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

    public void readJson(InputStream body, Sink sink) {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME
                    || !"regions".equals(parser.currentName()) || parser.nextToken() != JsonToken.START_ARRAY) {
                throw ProblemException.badRequest("request.malformed", "Expected {\"regions\": [...]}.");
            }
            // One item at a time: the items that follow are not trailing tokens here.
            ObjectReader items = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            long index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode item = items.readTree(parser);
                row(index++, item, sink);
            }
            if (parser.nextToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw ProblemException.badRequest("request.malformed", "Expected nothing after the regions array.");
            }
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("request.malformed", "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("request.malformed", "The body could not be read: " + e.getMessage());
        }
    }

    private static void row(long index, JsonNode item, Sink sink) {
        if (!item.isObject()) {
            sink.refused(new BulkConflict(index, null, null, "request.malformed", null, "A region must be an object."));
            return;
        }
        Map<String, String> row = new HashMap<>();
        for (var fields = item.fields(); fields.hasNext(); ) {
            var field = fields.next();
            JsonNode value = field.getValue();
            if (!COLUMNS.contains(field.getKey())) {
                sink.refused(new BulkConflict(index, null, text(item.get("code")), "request.invalid", field.getKey(),
                        "'" + field.getKey() + "' is not a field of a region"));
                return;
            }
            boolean number = field.getKey().equals("residentHouseholds") || field.getKey().equals("population");
            if (!value.isNull() && (number ? !value.isIntegralNumber() : !value.isTextual())) {
                sink.refused(new BulkConflict(index, null, text(item.get("code")), "request.malformed", field.getKey(),
                        "must be " + (number ? "a whole number" : "a text")));
                return;
            }
            row.put(field.getKey(), value.isNull() ? null : value.asText());
        }
        sink.row(index, null, row);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static void checkHeader(List<String> header) {
        if (!header.containsAll(List.of("code", "name")) || !COLUMNS.containsAll(header)
                || Set.copyOf(header).size() != header.size()) {
            throw ProblemException.badRequest("import.header-invalid", "The header is " + String.join(",", header)
                    + "; expected code and name, and any of parentCode, residentHouseholds, population, each once.");
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
