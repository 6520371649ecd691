package io.fanzha.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fanzha.e2e.stack.Stack;
import io.fanzha.e2e.stack.Tokens;

/**
 * The seed's county plan (旌德县's 2024 Q1 campaign, deploy/demo/demo-data.json) built through the gateway alone, by
 * the loader ./fanzha up runs, and read back whole: every unit with its liaison, the alliance, the campaign with its
 * leading group, goals and tasks, the messaging groups with their pushes, and the groups silent in a week. A second
 * load changes nothing.
 */
class CountyPlanIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static JsonNode plan;
    static String admin;
    static final Map<String, String> unitIds = new HashMap<>();

    @BeforeAll
    static void loadThePlan() throws IOException {
        plan = JSON.readTree(Files.readString(Stack.get().repo().resolve("deploy/demo/demo-data.json")))
                .path("batches").get(0);
        assertEquals("county-admin", plan.path("account").asText());
        Stack.get().loadDemoData();
        admin = Tokens.of("county-admin");
        for (JsonNode unit : plan.path("units")) {
            unitIds.put(unit.path("key").asText(), named("/api/v1/units", "name", unit).path("id").asText());
        }
    }

    @Test
    void everyUnitReadsBackWithItsLiaisonAndOnlyContactReadersSeeThePhone() {
        assertTrue(plan.path("units").size() >= 12, "a dozen units");
        for (JsonNode unit : plan.path("units")) {
            JsonNode stored = named("/api/v1/units", "name", unit);
            assertSame(unit, stored, Set.of("key"));
            assertTrue(stored.path("active").asBoolean());
        }
        Api.as(Tokens.of("viewer")).queryParam("size", 500).get("/api/v1/units").then().statusCode(200)
                .body("items.liaisonPhone", everyItem(nullValue()));
        Api.as(Tokens.of("inspector")).get("/api/v1/units/" + unitIds.get("police")).then().statusCode(200)
                .body("liaisonPhone", equalTo("0563-8021110"));
    }

    @Test
    void theAllianceHoldsItsMembersInOrder() {
        for (JsonNode alliance : plan.path("alliances")) {
            JsonNode stored = named("/api/v1/alliances", "name", alliance);
            assertEquals(alliance.path("regionCode").asText(), stored.path("regionCode").asText());
            List<String> expected = new ArrayList<>();
            alliance.path("members").forEach(key -> expected.add(unitIds.get(key.asText())));
            List<String> members = new ArrayList<>();
            stored.path("members").forEach(member -> members.add(member.path("id").asText()));
            assertEquals(expected, members);
        }
    }

    @Test
    void theCampaignReadsBackWithItsLeadingGroupGoalsAndTasks() {
        JsonNode campaign = plan.path("campaigns").get(0);
        JsonNode stored = named("/api/v1/campaigns", "theme", campaign);
        assertSame(campaign, stored, Set.of("goals", "tasks", "leadingGroup"));
        assertEquals(List.of("ONLINE_LOAN", "INVESTMENT_GAMBLING", "ORDER_BRUSHING", "SHOPPING_REFUND"),
                texts(stored.path("focusCategories")));
        assertEquals(campaign.path("leadingGroup").size(), stored.path("leadingGroup").size());
        for (int i = 0; i < campaign.path("leadingGroup").size(); i++) {
            assertSame(withUnitIds(campaign.path("leadingGroup").get(i)), stored.path("leadingGroup").get(i), Set.of());
        }

        String id = stored.path("id").asText();
        JsonNode goals = read("/api/v1/campaigns/" + id + "/goals?size=500").path("items");
        assertEquals(campaign.path("goals").size(), goals.size(), "each goal once");
        for (JsonNode goal : campaign.path("goals")) {
            assertTrue(contains(goals, goal), "goal " + goal + " among " + goals);
        }
        JsonNode tasks = read("/api/v1/campaigns/" + id + "/tasks?size=500").path("items");
        assertEquals(campaign.path("tasks").size(), tasks.size(), "each task once");
        for (JsonNode task : campaign.path("tasks")) {
            assertTrue(contains(tasks, withUnitIds(task)), "task " + task + " among " + tasks);
        }
        // Soonest deadline first: the posters by Jan 31 before the door-to-door round by Mar 31.
        assertEquals("2024-01-20", tasks.get(0).path("deadline").asText());
    }

    @Test
    void theMessagingGroupsReadBackWithTheirPushesAndTheSilentOnesAreFound() {
        String campaignId = named("/api/v1/campaigns", "theme", plan.path("campaigns").get(0)).path("id").asText();
        for (JsonNode group : plan.path("messagingGroups")) {
            JsonNode stored = named("/api/v1/messaging-groups", "name", group);
            assertSame(withUnitIds(group), stored, Set.of("pushes"));
            JsonNode pushes = read("/api/v1/messaging-groups/" + stored.path("id").asText() + "/pushes?size=500")
                    .path("items");
            assertEquals(group.path("pushes").size(), pushes.size(), group.path("name").asText());
            for (JsonNode push : group.path("pushes")) {
                ObjectNode expected = ((ObjectNode) push.deepCopy()).put("campaignId", campaignId);
                expected.remove("campaign");
                assertTrue(contains(pushes, expected), "push " + push + " among " + pushes);
            }
        }
        for (String week : List.of("2024-W05", "2024-W07", "2024-W09")) {
            Set<String> listed = new TreeSet<>();
            read("/api/v1/messaging-groups?within=341825&size=500&withoutPushIn=" + week).path("items")
                    .forEach(group -> listed.add(group.path("name").asText()));
            assertEquals(silentIn(week), listed, "groups silent in " + week);
        }
        assertFalse(silentIn("2024-W05").isEmpty(), "the demo shows silent groups");
    }

    @Test
    void theAgencysWeeklyFiguresOfTwoYearsAreThere() {
        JsonNode reports = agencyBatch().path("caseReports");
        int weeks = 52 + 52; // 2023 and 2024 have 52 ISO weeks each
        Api.as(Tokens.of("viewer")).queryParam("category", "ONLINE_LOAN").queryParam("size", 1)
                .get("/api/v1/case-reports").then().statusCode(200)
                .body("total", equalTo(reports.path("regions").size() * weeks));
        Api.as(admin).queryParam("region", reports.path("regions").get(0).asText()).queryParam("period", "2024-W01")
                .get("/api/v1/case-reports").then().statusCode(200)
                .body("total", equalTo(reports.path("categories").size()));
    }

    /**
     * The reports read the plan's progress from the events of all three services: the focus categories' cases of
     * 2024 Q1 against 2023's same weeks, worked out here from case-stats-service's own figures, and the weekly
     * bulletin as a PDF through the gateway.
     */
    @Test
    void theReportsShowTheQuartersProgress() throws IOException {
        String campaignId = named("/api/v1/campaigns", "theme", plan.path("campaigns").get(0)).path("id").asText();
        List<String> focus = List.of("ONLINE_LOAN", "INVESTMENT_GAMBLING", "ORDER_BRUSHING", "SHOPPING_REFUND");
        long thisYear = 0;
        long lastYear = 0;
        for (int week = 1; week <= 13; week++) {
            thisYear += focusCases("2024-W%02d".formatted(week), focus);
            lastYear += focusCases("2023-W%02d".formatted(week), focus);
        }
        String viewer = Tokens.of("viewer");
        long current = thisYear;
        long comparator = lastYear;
        Awaitility.await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            JsonNode goal = JSON.readTree(Api.as(viewer).queryParam("asOf", "2024-04-08")
                    .get("/api/v1/reports/campaigns/" + campaignId + "/attainment").then().statusCode(200).extract()
                    .asString()).path("goals").get(0);
            assertEquals("CASES 13 " + current + " " + comparator, goal.path("metric").asText() + " "
                    + goal.at("/window/weeks").asText() + " " + goal.path("current").asText() + " "
                    + goal.path("comparator").asText());
            assertEquals(current - comparator <= -0.1 * comparator ? "ACHIEVED" : "MISSED", goal.path("status").asText());
        });
        JsonNode coverage = JSON.readTree(Api.as(viewer).queryParam("asOf", "2024-03-31")
                .get("/api/v1/reports/coverage/341825").then().statusCode(200).extract().asString());
        assertTrue(coverage.path("householdsReached").asLong() > 0, coverage.toString());
        List<String> townships = new ArrayList<>();
        coverage.path("children").forEach(child -> townships.add(child.path("regionCode").asText()));
        assertTrue(townships.containsAll(List.of("341825100", "341825101", "341825102")), townships.toString());
        byte[] pdf = Api.as(viewer).queryParam("format", "pdf").get("/api/v1/reports/bulletins/341825/2024-W05").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void theQuartersCasesAreTracedBackAndEveryUnitIsScored() throws IOException {
        List<String> expected = new ArrayList<>();
        for (JsonNode recorded : agencyBatch().path("cases")) {
            String day = recorded.path("occurredOn").asText();
            if (recorded.path("regionCode").asText().startsWith("341825") && day.compareTo("2024-01-01") >= 0
                    && day.compareTo("2024-03-31") <= 0) {
                expected.add(recorded.path("id").asText());
            }
        }
        String inspector = Tokens.of("inspector");
        Awaitility.await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            JsonNode traced = JSON.readTree(Api.as(inspector).queryParam("period", "2024-Q1")
                    .get("/api/v1/reports/trace-back/341825").then().statusCode(200).extract().asString());
            List<String> ids = new ArrayList<>();
            traced.path("cases").forEach(c -> ids.add(c.path("caseId").asText()));
            assertEquals(expected.stream().sorted().toList(), ids.stream().sorted().toList());
            traced.path("cases").forEach(c -> assertTrue(List.of("HOUSEHOLD", "VILLAGE", "REGION", "NONE")
                    .contains(c.path("reached").asText()), c.toString()));
        });
        String viewer = Tokens.of("viewer");
        Api.as(viewer).queryParam("period", "2024-Q1").get("/api/v1/reports/trace-back/341825").then().statusCode(403)
                .body("code", equalTo("auth.forbidden"));
        // The scheme the demo publishes scores every unit of the plan, within 0 to 100, best first.
        String scheme = plan.path("assessmentSchemes").get(0).path("code").asText();
        JsonNode scores = JSON.readTree(Api.as(viewer).queryParam("period", "2024-Q1").queryParam("asOf", "2024-04-10")
                .get("/api/v1/reports/assessment-schemes/" + scheme + "/scores").then().statusCode(200).extract()
                .asString());
        List<String> scored = new ArrayList<>();
        double previous = 100;
        for (JsonNode unit : scores.path("units")) {
            scored.add(unit.path("unitId").asText());
            if (unit.hasNonNull("score")) {
                double score = unit.path("score").asDouble();
                assertTrue(score >= 0 && score <= previous, unit.toString());
                previous = score;
            }
        }
        assertTrue(scored.containsAll(unitIds.values()), scored + " " + unitIds);
        assertEquals(1, scores.at("/units/0/rank").asInt());
        Api.as(Tokens.of("other-admin")).queryParam("period", "2024-Q1")
                .get("/api/v1/reports/assessment-schemes/" + scheme + "/scores").then().statusCode(403)
                .body("code", equalTo("scope.forbidden"));
    }

    /** The county's cases of the focus categories in a week, as case-stats-service holds them. */
    static long focusCases(String week, List<String> focus) throws IOException {
        JsonNode items = JSON.readTree(Api.as(admin).queryParam("within", "341825").queryParam("period", week)
                .queryParam("size", 500).get("/api/v1/case-reports").then().statusCode(200).extract().asString())
                .path("items");
        long cases = 0;
        for (JsonNode item : items) {
            if (focus.contains(item.path("category").asText())) {
                cases += item.path("cases").asLong();
            }
        }
        return cases;
    }

    @Test
    void theQuartersOutreachAndItsSpotCheckAreThere() throws IOException {
        JsonNode county = plan.path("outreach");
        JsonNode own = batchOf("field-worker").path("outreach");
        int visits = county.path("villages").size() * county.path("visitsPerVillage").asInt()
                + own.path("visitsPerVillage").asInt();
        String inspector = Tokens.of("inspector");
        Api.as(inspector).queryParam("kind", "DOOR_TO_DOOR").queryParam("size", 1).get("/api/v1/outreach").then()
                .statusCode(200).body("total", equalTo(visits));
        Api.as(inspector).queryParam("kind", "LECTURE").get("/api/v1/outreach").then().statusCode(200)
                .body("total", equalTo(2));
        // Every record counts for the campaign: the field worker's too, its id read from above her village.
        String campaignId = named("/api/v1/campaigns", "theme", plan.path("campaigns").get(0)).path("id").asText();
        Api.as(inspector).queryParam("campaignId", campaignId).queryParam("size", 1).get("/api/v1/outreach").then()
                .statusCode(200).body("total", equalTo(visits + county.path("events").size()));
        // The field worker sees her own round only.
        Api.as(Tokens.of("field-worker")).queryParam("size", 1).get("/api/v1/outreach").then().statusCode(200)
                .body("total", equalTo(own.path("visitsPerVillage").asInt()));

        JsonNode check = JSON.readTree(Api.as(inspector).queryParam("within", "341825").queryParam("period", "2024-Q1")
                .get("/api/v1/outreach/spot-checks").then().statusCode(200).body("total", equalTo(1))
                .extract().asString()).path("items").get(0);
        List<String> results = new ArrayList<>();
        String denied = null;
        for (JsonNode item : check.path("items")) {
            results.add(item.path("result").asText());
            denied = item.path("result").asText().equals("DENIED") ? item.path("recordId").asText() : denied;
        }
        assertTrue(results.size() >= batchOf("county-admin").path("outreach").path("villages").size() + 1,
                "at least one visit per village: " + results);
        assertTrue(results.contains("CONFIRMED") && results.contains("NOT_REACHED") && denied != null, results.toString());
        Api.as(inspector).get("/api/v1/outreach/" + denied).then().statusCode(200).body("reviewState", equalTo("HAS_ISSUES"));

        String ledger = Api.as(inspector).queryParam("within", "341825101").queryParam("period", "2024-Q1")
                .get("/api/v1/ledger").then().statusCode(200).extract().asString();
        int township = 2 * county.path("visitsPerVillage").asInt() + 1; // two villages and the banner of 蔡家桥镇
        assertEquals(township + 1, ledger.split("\r?\n").length, "a row per record and the header");
    }

    @Test
    void theNoticePhotosAreThereAndTheReusedOneIsFlagged() throws IOException {
        JsonNode evidence = batchOf("field-worker").path("evidence");
        String village = evidence.path("village").asText();
        String inspector = Tokens.of("inspector");
        JsonNode flags = JSON.readTree(Api.as(inspector).queryParam("within", "341825").get("/api/v1/outreach/flags")
                .then().statusCode(200).body("total", equalTo(2))
                .body("items.reason", everyItem(equalTo("DIFFERENT_HOUSEHOLDS"))).extract().asString()).path("items");
        Set<String> households = new TreeSet<>();
        List<byte[]> photos = new ArrayList<>();
        for (JsonNode flag : flags) {
            households.add(flag.path("householdRef").asText());
            photos.add(Api.as(inspector).get("/api/v1/outreach/" + flag.path("recordId").asText() + "/evidence/notice.png")
                    .then().statusCode(200).contentType("image/png").extract().asByteArray());
        }
        assertEquals(Set.of(household(village, evidence.path("reusedFrom").asInt()),
                household(village, evidence.path("reusedOn").asInt())), households);
        assertTrue(Arrays.equals(photos.get(0), photos.get(1)), "one photo on both visits");
        Api.as(inspector).queryParam("within", village).queryParam("period", "2024-Q1").get("/api/v1/ledger").then()
                .statusCode(200).body(containsString("/evidence/notice.png"));
    }

    /** The demo loader's household reference of a village's visit. */
    static String household(String village, int number) {
        return "HH-%s-%03d".formatted(village.substring(village.length() - 3), number);
    }

    /** The batch of the demo file sent as this account. */
    static JsonNode batchOf(String account) throws IOException {
        for (JsonNode batch : JSON.readTree(Files.readString(Stack.get().repo().resolve("deploy/demo/demo-data.json")))
                .path("batches")) {
            if (batch.path("account").asText().equals(account)) {
                return batch;
            }
        }
        throw new AssertionError("no batch of " + account + " in the demo data");
    }

    /** The agency's batch of the demo file. */
    static JsonNode agencyBatch() {
        try {
            for (JsonNode batch : JSON.readTree(Files.readString(Stack.get().repo().resolve("deploy/demo/demo-data.json")))
                    .path("batches")) {
                if (batch.has("caseReports")) {
                    return batch;
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no caseReports batch in the demo data");
    }

    @Test
    void aSecondLoadChangesNothing() {
        String second = Stack.get().loadDemoData();
        Matcher counts = Pattern.compile("(\\w[\\w ]*): (\\d+) created, (\\d+) already there").matcher(second);
        int kinds = 0;
        while (counts.find()) {
            kinds++;
            assertEquals("0", counts.group(2), counts.group(1) + " created again: " + second);
        }
        assertTrue(kinds >= 8, "regions, units, alliances, campaigns, goals, tasks, groups, pushes: " + second);
    }

    /** The plan's groups that are active, set up by the week's end, and logged no push within it. */
    static Set<String> silentIn(String week) {
        int number = Integer.parseInt(week.substring(6));
        LocalDate monday = LocalDate.of(2024, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(DayOfWeek.MONDAY);
        LocalDate sunday = monday.plusDays(6);
        Set<String> silent = new TreeSet<>();
        for (JsonNode group : plan.path("messagingGroups")) {
            boolean pushed = false;
            for (JsonNode push : group.path("pushes")) {
                LocalDate day = LocalDate.parse(push.path("pushedOn").asText());
                pushed |= !day.isBefore(monday) && !day.isAfter(sunday);
            }
            if (!pushed && !LocalDate.parse(group.path("createdOn").asText()).isAfter(sunday)) {
                silent.add(group.path("name").asText());
            }
        }
        return silent;
    }

    /** The one item of a list, found with q, whose field equals the plan's. */
    static JsonNode named(String path, String field, JsonNode spec) {
        String value = spec.path(field).asText();
        JsonNode items = JSON.valueToTree(Api.as(admin).queryParam("q", value).queryParam("size", 500).get(path).then()
                .statusCode(200).extract().path("items"));
        List<JsonNode> matches = new ArrayList<>();
        items.forEach(item -> {
            if (item.path(field).asText().equals(value)) {
                matches.add(item);
            }
        });
        assertEquals(1, matches.size(), path + " holds " + value + " once: " + items);
        return matches.get(0);
    }

    static JsonNode read(String path) {
        try {
            return JSON.readTree(Api.as(admin).get(path).then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every field of the plan's record, but those skipped, as stored. */
    static void assertSame(JsonNode spec, JsonNode stored, Set<String> skipped) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = spec.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!skipped.contains(field.getKey())) {
                assertNotNull(stored.get(field.getKey()), field.getKey() + " missing in " + stored);
                assertEquals(field.getValue(), stored.get(field.getKey()), field.getKey() + " of " + stored);
            }
        }
    }

    static boolean contains(JsonNode items, JsonNode spec) {
        for (JsonNode item : items) {
            boolean same = true;
            for (Iterator<Map.Entry<String, JsonNode>> fields = spec.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                same &= field.getValue().equals(item.get(field.getKey()));
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    /** The plan names units by key; the API by id ({@code unit} → {@code unitId}, {@code units} → {@code unitIds}). */
    static JsonNode withUnitIds(JsonNode spec) {
        ObjectNode copy = spec.deepCopy();
        if (copy.has("unit")) {
            copy.put("unitId", unitIds.get(copy.remove("unit").asText()));
        }
        if (copy.has("units")) {
            ArrayNode ids = copy.putArray("unitIds");
            copy.remove("units").forEach(key -> ids.add(unitIds.get(key.asText())));
        }
        return copy;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
