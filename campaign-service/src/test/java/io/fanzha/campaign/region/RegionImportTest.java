package io.fanzha.campaign.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.fanzha.campaign.support.TopicReader;
import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;

/** Bulk import of region files: each test imports a county of its own, below 3419 (no other test uses it). */
@QuarkusTest
@TestSecurity(user = "national-admin", roles = "admin")
@OidcSecurity(claims = @Claim(key = "region", value = "CN"))
class RegionImportTest {

    static final String HEADER = "code,name,parentCode,residentHouseholds,population\n";
    static final String PROBLEM = "application/problem+json";

    /** A county, its townships and villages: 5,000 rows, children before their parents. */
    static List<String> county(String county, int rows) {
        List<String> lines = new ArrayList<>();
        lines.add(county + ",测试县" + county + ",,50000,150000");
        for (int t = 1; lines.size() < rows; t++) {
            String township = county + String.format("%03d", 100 + t);
            lines.add(township + ",镇" + t + "," + county + ",,");
            for (int v = 1; v <= 200 && lines.size() < rows; v++) {
                lines.add(township + String.format("%03d", v) + ",村" + t + "-" + v + ",," + (100 + v) + ",");
            }
        }
        Collections.reverse(lines);
        return lines;
    }

    static ValidatableResponse importCsv(String csv, String query) {
        return given().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/regions/import" + query).then();
    }

    @Test
    void aFiveThousandRowFileWithOneBadRowNamesItAndTheSameFileAgainChangesNothing() {
        List<String> rows = county("341901", 5000);
        rows.set(17, "341901000201,坏村,,1,1");
        String csv = HEADER + String.join("\n", rows) + "\n";

        importCsv(csv, "").statusCode(200)
                .body("status", equalTo("WARNING"))
                .body("imported", equalTo(4999))
                .body("conflictCount", equalTo(1))
                .body("conflicts[0].index", equalTo(17))
                .body("conflicts[0].line", equalTo(19))
                .body("conflicts[0].id", equalTo("341901000201"))
                .body("conflicts[0].code", equalTo("request.invalid"))
                .body("conflicts[0].field", equalTo("code"));
        given().get("/api/v1/regions/341901101001").then().statusCode(200)
                .body("level", equalTo("VILLAGE"))
                .body("parentCode", equalTo("341901101"))
                .body("path", equalTo("34/3419/341901/341901101/341901101001"));
        given().queryParam("within", "341901").queryParam("size", 1).get("/api/v1/regions").then()
                .body("total", equalTo(4999));

        importCsv(csv, "").statusCode(200)
                .body("status", equalTo("WARNING"))
                .body("imported", equalTo(0))
                .body("updated", equalTo(0))
                .body("ignored", equalTo(4999));

        ConsumerRecord<String, String> event = TopicReader
                .findBySubject(Topics.CAMPAIGN, EventTypes.REGION_CREATED, "341901101001").orElseThrow();
        assertEquals("341901", event.key());
        Map<String, Object> data = TopicReader.body(event.value());
        assertEquals(Map.of("code", "341901101001", "name", "村1-1", "parentCode", "341901101", "level", "VILLAGE",
                "path", "34/3419/341901/341901101/341901101001", "residentHouseholds", 101, "version", 0),
                withoutNulls(data));
    }

    static Map<String, Object> withoutNulls(Map<String, Object> data) {
        Map<String, Object> copy = new java.util.HashMap<>(data);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }

    @Test
    void dryRunCountsButStoresNothingAndAtomicStoresAllOrNothing() {
        String csv = HEADER + String.join("\n", county("341902", 50));
        importCsv(csv, "?dryRun=true").statusCode(200).body("status", equalTo("SUCCESS")).body("imported", equalTo(50));
        given().get("/api/v1/regions/341902").then().statusCode(404);

        String bad = csv + "\n341902101999,,,-1,";
        importCsv(bad, "?atomic=true").statusCode(200)
                .body("status", equalTo("ERROR"))
                .body("imported", equalTo(0))
                .body("conflicts.index", contains(50));
        given().get("/api/v1/regions/341902").then().statusCode(404);
    }

    @Test
    void paddedCodesAreReadUnpaddedAndAnEmptyCellKeepsTheStoredValue() {
        importCsv(HEADER + "341903000000,填充县,341900000000,30000,\n341903100000,填充镇,,,\n", "").statusCode(200)
                .body("status", equalTo("SUCCESS")).body("imported", equalTo(2));
        given().get("/api/v1/regions/341903").then().statusCode(200)
                .body("residentHouseholds", equalTo(30000))
                .body("population", nullValue());
        // The official tree has no household counts: the county's own figure stays.
        importCsv(HEADER + "341903,填充县,,,90000\n341903100,填充镇(新),,,\n", "").statusCode(200)
                .body("updated", equalTo(2)).body("ignored", equalTo(0));
        given().get("/api/v1/regions/341903").then()
                .body("residentHouseholds", equalTo(30000))
                .body("population", equalTo(90000))
                .body("version", equalTo(1));
        ConsumerRecord<String, String> event = TopicReader
                .findBySubject(Topics.CAMPAIGN, EventTypes.REGION_UPDATED, "341903100").orElseThrow();
        assertEquals("填充镇(新)", TopicReader.body(event.value()).get("name"));
    }

    @Test
    void rowsThatBreakTheRulesAreConflictsOfTheirOwn() {
        String csv = HEADER + String.join("\n",
                "341904,规则县,,,",
                "341904,规则县again,,,",
                "341904100,,,,",
                "341904101201,孤村,,,",
                "341904102,坏数,,-5,",
                "341904103,坏数,,12x,",
                "341904104,错父,341905,,",
                "341904105,\u200B,,,",
                "341904106,好镇,341904,1,2") + "\n";
        importCsv(csv, "").statusCode(200)
                .body("status", equalTo("WARNING"))
                .body("imported", equalTo(2))
                .body("conflicts.index", contains(1, 2, 3, 4, 5, 6, 7))
                .body("conflicts.code", contains("import.duplicate", "request.invalid", "region.parent-unknown",
                        "request.malformed", "request.malformed", "region.parent-mismatch", "request.invalid"))
                .body("conflicts.field", contains("code", "name", "parentCode", "residentHouseholds",
                        "residentHouseholds", "parentCode", "name"));
    }

    @Test
    void jsonFilesImportLikeCsv() {
        given().contentType("application/json").body("""
                {"regions": [{"code": "341905100", "name": "JSON镇"}, {"code": "341905", "name": "JSON县", "population": 7},
                             {"code": "341905101", "name": 5}, {"code": "341905102", "name": "x", "colour": "red"}]}""")
                .post("/api/v1/regions/import").then().statusCode(200)
                .body("imported", equalTo(2))
                .body("conflicts.index", contains(2, 3))
                .body("conflicts.field", contains("name", "colour"));
        given().get("/api/v1/regions/341905100").then().statusCode(200).body("name", equalTo("JSON镇"));
    }

    @Test
    void anUnreadableFileIsAProblemAndStoresNothing() {
        importCsv("code,name,colour\n341906,x,red\n", "").statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("import.header-invalid"));
        importCsv("", "").statusCode(400).body("code", equalTo("import.header-invalid"));
        byte[] latin1 = (HEADER + "341906,Gr\u00fcn,,,\n").getBytes(StandardCharsets.ISO_8859_1);
        given().contentType("text/csv").body(latin1).post("/api/v1/regions/import").then().statusCode(400)
                .body("code", equalTo("request.malformed"));
        given().contentType("application/json").body("[1,2]").post("/api/v1/regions/import").then().statusCode(400)
                .body("code", equalTo("request.malformed"));
        given().get("/api/v1/regions/341906").then().statusCode(404);
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        importCsv("\uFEFF" + HEADER + "341907,带BOM县,,,\n", "").statusCode(200).body("imported", equalTo(1))
                .body("conflicts", empty());
    }

    @Test
    @TestSecurity(user = "county-admin", roles = "admin")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void rowsOutsideTheCallersScopeAreRefused() {
        importCsv(HEADER + "341908,别县,,,\n", "").statusCode(200)
                .body("status", equalTo("WARNING"))
                .body("conflicts[0].code", equalTo("scope.forbidden"));
        given().get("/api/v1/regions/341908").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    @OidcSecurity(claims = @Claim(key = "region", value = "CN"))
    void aViewerCannotImport() {
        importCsv(HEADER + "341909,x,,,\n", "").statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("auth.forbidden"));
    }
}
