import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The reporting benchmark (bench/reports.sh, docs/benchmarks.md). For one synthetic county (10 townships of 20 villages,
 * 500 households each) it publishes, as the services' outbox relays do:
 * <ol>
 * <li>one million outreach records of 2024 (80 % door-to-door visits), and times reporting-service applying them,
 * beside the same rows written by JDBC batches of 500 into a copy of its table (the reference);</li>
 * <li>two years of weekly case figures per village and category (124,800 reports);</li>
 * <li>then, at a steady rate, new visits, each timed from its send to the moment its row is in the active read model
 * (a JDBC poll every 5 ms): the event-to-report latency, p50 and p99;</li>
 * <li>then times the county's and a township's coverage and weekly bulletin (JSON and PDF), directly on
 * reporting-service and through the gateway, p50 and p95, beside the coverage count's bare SQL;</li>
 * <li>and last a rebuild of the read models from the topics.</li>
 * </ol>
 * Usage: java -cp "kafka/lib/*:postgresql.jar" bench/Reports.java BOOTSTRAP GATEWAY REPORTING KEYCLOAK JDBC [RECORDS]
 */
public class Reports {

    static final String COUNTY = "349901";
    static final int TOWNSHIPS = 10;
    static final int VILLAGES = 20;
    static final int HOUSEHOLDS = 500;
    static final String[] CATEGORIES = { "ONLINE_LOAN", "INVESTMENT_GAMBLING", "ORDER_BRUSHING", "SHOPPING_REFUND",
        "IMPERSONATION", "FAKE_CUSTOMER_SERVICE" };
    static final String SCHEME = "bench-" + COUNTY;
    static final String ADMIN = "grant_type=password&client_id=fanzha-web&username=national-admin&password=demo";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static String bootstrap;
    static String gateway;
    static String reporting;
    static String keycloak;
    static String jdbc;

    public static void main(String[] args) throws Exception {
        bootstrap = args[0];
        gateway = args[1];
        reporting = args[2];
        keycloak = args[3];
        jdbc = args[4];
        int records = args.length > 5 ? Integer.parseInt(args[5]) : 1_000_000;
        List<String> villages = villages();
        try (KafkaProducer<String, byte[]> producer = producer(); Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
            awaitReady();
            regions(producer);
            awaitCount(db, "SELECT count(*) FROM region WHERE code LIKE '" + COUNTY + "%'", 1 + TOWNSHIPS + TOWNSHIPS * VILLAGES);

            long start = System.nanoTime();
            List<UUID> sampled = outreach(producer, villages, records);
            double published = seconds(start);
            awaitCount(db, "SELECT count(*) FROM outreach", records);
            double applied = seconds(start);
            double reference = jdbcReference(db, villages, records);
            System.out.printf("outreach: %,d records published in %.1f s, applied by reporting-service %.1f s after the first"
                    + " send = %,.0f records/s; reference JDBC batches of 500 into a copy of its table %.1f s = %,.0f rows/s;"
                    + " ratio %.2f%n", records, published, applied, records / applied, reference, records / reference,
                    reference / applied);

            start = System.nanoTime();
            int reports = caseFigures(producer, villages);
            awaitCount(db, "SELECT count(*) FROM case_report", reports);
            System.out.printf("case figures: %,d weekly reports applied %.1f s after the first send%n", reports, seconds(start));
            int cases = assessedWork(producer, villages, sampled);
            awaitCount(db, "SELECT count(*) FROM case_record", cases);
            awaitCount(db, "SELECT count(*) FROM spot_check_result", (sampled.size() + 1) / 2);
            analyze(db);

            for (int rate : new int[] { 20, 200 }) {
                latency(producer, db, villages, rate, 30);
            }
            queries(db);
            rebuild(db, records + reports);
        }
    }

    /** Ready once the first (empty) generation is active. */
    static void awaitReady() throws Exception {
        for (int i = 0; i < 600; i++) {
            if (HTTP.send(HttpRequest.newBuilder(URI.create(reporting + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("reporting-service is not ready");
    }

    static void regions(KafkaProducer<String, byte[]> producer) {
        send(producer, "fanzha.campaign.v1", "fanzha.region.created.v2", region(COUNTY, "压测县", "3499", "COUNTY", null));
        for (int t = 1; t <= TOWNSHIPS; t++) {
            String township = COUNTY + (100 + t);
            send(producer, "fanzha.campaign.v1", "fanzha.region.created.v2", region(township, "压测镇" + t, COUNTY, "TOWNSHIP",
                    VILLAGES * HOUSEHOLDS));
            for (int v = 1; v <= VILLAGES; v++) {
                send(producer, "fanzha.campaign.v1", "fanzha.region.created.v2",
                        region(township + (200 + v), "压测村" + t + "-" + v, township, "VILLAGE", HOUSEHOLDS));
            }
        }
        for (int i = 0; i < CATEGORIES.length; i++) {
            send(producer, "fanzha.casestats.v1", "fanzha.fraud-category.created.v1", """
                    {"code":"%s","nameZh":"类别%d","nameEn":"Category %d","focus":true,"active":true,"sortOrder":%d,"version":0}"""
                    .formatted(CATEGORIES[i], i, i, i));
        }
        send(producer, "fanzha.casestats.v1", "fanzha.reporting-expectation.created.v1", """
                {"id":"%s","regionCode":"%s","level":"VILLAGE","granularity":"WEEK","reporter":"agency-demo","deadlineDays":2,"version":0}"""
                .formatted(UUID.randomUUID(), COUNTY));
        producer.flush();
    }

    static String region(String code, String name, String parent, String level, Integer households) {
        return """
                {"code":"%s","name":"%s","parentCode":"%s","level":"%s","path":"","residentHouseholds":%s,"population":null,"version":0}"""
                .formatted(code, name, parent, level, households);
    }

    static List<String> villages() {
        List<String> villages = new ArrayList<>();
        for (int t = 1; t <= TOWNSHIPS; t++) {
            for (int v = 1; v <= VILLAGES; v++) {
                villages.add(COUNTY + (100 + t) + (200 + v));
            }
        }
        return villages;
    }

    /**
     * 2024's records spread over the year, 80 % visits to households (some visited twice), the rest lectures and posters.
     * Answers every 500th record's id: the ones checked (below).
     */
    static List<UUID> outreach(KafkaProducer<String, byte[]> producer, List<String> villages, int records) {
        Random random = new Random(42);
        List<UUID> sampled = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            Record record = record(random, villages.get(i % villages.size()), LocalDate.of(2024, 1, 1).plusDays(i * 366L / records));
            send(producer, "fanzha.outreach.v1", "fanzha.outreach.recorded.v1", record.json());
            if (i % 500 == 0) {
                sampled.add(record.id());
            }
        }
        producer.flush();
        return sampled;
    }

    /**
     * What assessment and trace-back read: a unit per village (the one its records name) and a police station per
     * township, a campaign with a poster task per township due 2024-06-30 for its villages' units, a spot check of every
     * other sampled record (one in ten denied) and an evidence flag on the others, one case record per village and
     * month of 2024 (every third naming a household), and a published scheme. Answers the number of case records.
     */
    static int assessedWork(KafkaProducer<String, byte[]> producer, List<String> villages, List<UUID> sampled)
            throws Exception {
        UUID campaign = UUID.randomUUID();
        send(producer, "fanzha.campaign.v1", "fanzha.campaign.created.v1", """
                {"id":"%s","theme":"压测活动","description":null,"regionCode":"%s","startDate":"2024-01-01","endDate":"2024-12-31",\
                "focusCategories":[],"targetGroups":[],"status":"ACTIVE","leadingGroup":[],"version":0}""".formatted(campaign, COUNTY));
        for (int t = 1; t <= TOWNSHIPS; t++) {
            String township = COUNTY + (100 + t);
            send(producer, "fanzha.campaign.v1", "fanzha.unit.created.v1", unit(UUID.randomUUID(), "派出所" + t,
                    "POLICE_STATION", township));
            List<String> units = new ArrayList<>();
            for (String village : villages) {
                if (village.startsWith(township)) {
                    UUID unit = new UUID(0, village.hashCode());
                    units.add("\"" + unit + "\"");
                    send(producer, "fanzha.campaign.v1", "fanzha.unit.created.v1", unit(unit, "村委会" + village.substring(6),
                            "VILLAGE_COMMITTEE", village));
                }
            }
            send(producer, "fanzha.campaign.v1", "fanzha.task.created.v1", """
                    {"id":"%s","campaignId":"%s","title":"张贴海报","kind":"SOCIAL_FACE","unitIds":[%s],"regionCode":"%s",\
                    "deadline":"2024-06-30","quotaCount":%d,"quotaKinds":["POSTER"],"quotaCoveragePercent":null,"notes":null,\
                    "version":0}""".formatted(UUID.randomUUID(), campaign, String.join(",", units), township, units.size() * 300));
        }
        for (int i = 0; i < sampled.size(); i++) {
            UUID record = sampled.get(i);
            String at = LocalDate.of(2024, 1, 1).plusDays(i * 366L / sampled.size()) + "T12:00:00+08:00";
            if (i % 2 == 0) {
                send(producer, "fanzha.outreach.v1", "fanzha.spot-check.recorded.v1", """
                        {"spotCheckId":"%s","recordId":"%s","regionCode":"%s","worker":"bench","result":"%s","note":null,\
                        "checkedBy":"inspector","checkedAt":"%s"}""".formatted(new UUID(1, i / 100), record, COUNTY,
                        i % 20 == 0 ? "DENIED" : "CONFIRMED", at));
            } else {
                send(producer, "fanzha.outreach.v1", "fanzha.outreach.evidence-flagged.v1", """
                        {"recordId":"%s","regionCode":"%s","unitId":null,"worker":"bench","sha256":"%064d","reason":\
                        "DIFFERENT_HOUSEHOLDS","sharedWith":[],"flaggedAt":"%s"}""".formatted(record, COUNTY, i, at));
            }
        }
        int cases = 0;
        for (String village : villages) {
            for (int month = 1; month <= 12; month++) {
                send(producer, "fanzha.casestats.v1", "fanzha.case.recorded.v1", """
                        {"id":"%s","occurredOn":"2024-%02d-15","regionCode":"%s","category":"ONLINE_LOAN","loss":30000.00,\
                        "ageBand":"AGE_60_PLUS","targetGroup":"ELDERLY","unitId":null,"householdRef":%s,"version":0}"""
                        .formatted(UUID.randomUUID(), month, village, month % 3 == 0 ? "\"H-" + month * 7 + "\"" : "null"));
                cases++;
            }
        }
        producer.flush();
        publishScheme();
        return cases;
    }

    static String unit(UUID id, String name, String type, String region) {
        return """
                {"id":"%s","name":"%s","type":"%s","regionCode":"%s","targetGroups":[],"liaisonName":"联络人",\
                "liaisonPosition":"主任","active":true,"version":0}""".formatted(id, name, type, region);
    }

    /** The scheme the assessment is timed under (a second run of the bench finds it published). */
    static void publishScheme() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(gateway
                + "/api/v1/reports/assessment-schemes")).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"code":"%s","regionCode":"%s","name":"压测考核","rules":{"weights":{"taskCompletion":30,\
                        "coverage":25,"reportingTimeliness":15,"caseTrend":15,"evidenceQuality":15},\
                        "coverageTargetPercent":100,"caseTrendFullAtPercent":-10,"caseTrendZeroAtPercent":10}}"""
                        .formatted(SCHEME, COUNTY))).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201 && answer.statusCode() != 409) {
            throw new IllegalStateException("scheme: " + answer.statusCode() + " " + answer.body());
        }
    }

    record Record(UUID id, String json) {
    }

    static Record record(Random random, String village, LocalDate day) {
        int draw = random.nextInt(10);
        String kind = draw < 8 ? "DOOR_TO_DOOR" : draw == 8 ? "LECTURE" : "POSTER";
        String household = kind.equals("DOOR_TO_DOOR")
                ? "{\"ref\":\"H-" + random.nextInt(HOUSEHOLDS + 100) + "\",\"noticeSigned\":true}" : "null";
        return record(kind, village, day, household);
    }

    static Record record(String kind, String village, LocalDate day, String household) {
        UUID id = UUID.randomUUID();
        return new Record(id, """
                {"id":"%s","kind":"%s","occurredAt":"%sT10:00:00+08:00","regionCode":"%s","unitId":"%s","campaignId":null,\
                "taskId":null,"targetGroup":"RURAL_RESIDENTS","metrics":{"materials":%s,"peopleReached":3,"householdsReached":%s,\
                "appInstalls":null,"receiptsReturned":null,"questionsAnswered":null},"household":%s,"location":null,\
                "note":null,"worker":"bench","deviceId":"bench","reviewState":"PENDING","reviewComment":null,"reviewedBy":null,\
                "reviewedAt":null,"voided":false,"voidReason":null,"evidenceExpected":null,"version":0}"""
                .formatted(id, kind, day, village, new UUID(0, village.hashCode()), kind.equals("POSTER") ? "20" : "null",
                        kind.equals("DOOR_TO_DOOR") ? "1" : "null", household));
    }

    /** 2023 and 2024, every ISO week, each village and category: a few cases a month. */
    static int caseFigures(KafkaProducer<String, byte[]> producer, List<String> villages) {
        Random random = new Random(7);
        int count = 0;
        for (int year = 2023; year <= 2024; year++) {
            int weeks = LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            for (int week = 1; week <= weeks; week++) {
                for (String village : villages) {
                    for (String category : CATEGORIES) {
                        int cases = random.nextInt(10) < 2 ? 1 + random.nextInt(2) : 0;
                        send(producer, "fanzha.casestats.v1", "fanzha.case-report.created.v1", """
                                {"regionCode":"%s","period":"%d-W%02d","category":"%s","figures":{"cases":%d,"loss":%d.00,\
                                "casesConcluded":null,"defendants":null,"heavySentences":null,"restitution":null,"fines":null},\
                                "previous":null,"changedBy":"agency-demo","importId":null,"version":0}"""
                                .formatted(village, year, week, category, cases, cases * (2_000 + random.nextInt(50_000))));
                        count++;
                    }
                }
            }
        }
        producer.flush();
        return count;
    }

    /**
     * New visits at a steady rate, each timed from its send to the first poll (every 5 ms) that finds its row in the
     * active generation: a report's next query reads it from there.
     */
    static void latency(KafkaProducer<String, byte[]> producer, Connection db, List<String> villages, int rate,
            int seconds) throws Exception {
        Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            try (Connection poll = DriverManager.getConnection(jdbc, "postgres", "")) {
                activeGeneration(poll);
                PreparedStatement select = poll.prepareStatement("SELECT id FROM outreach WHERE id = ANY (?)");
                while (sending.get() || !sentAt.isEmpty()) {
                    if (!sentAt.isEmpty()) {
                        select.setArray(1, poll.createArrayOf("uuid", sentAt.keySet().toArray()));
                        try (ResultSet rows = select.executeQuery()) {
                            long now = System.nanoTime();
                            while (rows.next()) {
                                Long sent = sentAt.remove(rows.getObject(1, UUID.class));
                                if (sent != null) {
                                    latencies.add((now - sent) / 1e6);
                                }
                            }
                        }
                    }
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        poller.start();
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            Record visit = record("DOOR_TO_DOOR", villages.get(i % villages.size()), LocalDate.of(2024, 12, 20),
                    "{\"ref\":\"L-" + rate + "-" + i + "\",\"noticeSigned\":true}");
            sentAt.put(visit.id(), System.nanoTime());
            send(producer, "fanzha.outreach.v1", "fanzha.outreach.recorded.v1", visit.json());
            producer.flush();
            next += interval;
        }
        sending.set(false);
        poller.join(120_000);
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("event to report at %d events/s for %d s: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d events)%n",
                rate, seconds, percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1), sorted.size());
    }

    static void queries(Connection db) throws Exception {
        String township = COUNTY + "101";
        int week = 20;
        time("coverage of the county (200 villages)", "/api/v1/reports/coverage/" + COUNTY + "?asOf=2024-12-31");
        time("coverage of a township (20 villages)", "/api/v1/reports/coverage/" + township + "?asOf=2024-12-31");
        time("bulletin of the county, JSON", "/api/v1/reports/bulletins/" + COUNTY + "/2024-W" + week);
        time("bulletin of a township, JSON", "/api/v1/reports/bulletins/" + township + "/2024-W" + week);
        time("bulletin of the county, PDF", "/api/v1/reports/bulletins/" + COUNTY + "/2024-W" + week + "?format=pdf");
        String unit = new UUID(0, (township + "201").hashCode()).toString();
        time("trace-back of the county, a quarter", "/api/v1/reports/trace-back/" + COUNTY + "?period=2024-Q2");
        time("trace-back of a township, a quarter", "/api/v1/reports/trace-back/" + township + "?period=2024-Q2");
        time("assessment of the county's 210 units", "/api/v1/reports/assessment-schemes/" + SCHEME
                + "/scores?period=2024-Q2&asOf=2024-12-31");
        time("assessment of a township's 21 units", "/api/v1/reports/assessment-schemes/" + SCHEME
                + "/scores?period=2024-Q2&asOf=2024-12-31&within=" + township);
        time("assessment of one unit, with its records", "/api/v1/reports/assessment-schemes/" + SCHEME + "/scores/"
                + unit + "?period=2024-Q2&asOf=2024-12-31");
        time("effectiveness of the county, two years", "/api/v1/reports/effectiveness/" + COUNTY
                + "?from=2023-01-01&to=2024-12-31");
        bareSql(db, "the household visits before the county's cases of a quarter, one join", """
                SELECT count(*) FROM case_record c JOIN outreach o ON o.counted AND o.village_code = c.village_code
                  AND o.household_ref = c.household_ref AND o.occurred_on BETWEEN c.occurred_on - 90 AND c.occurred_on - 1
                WHERE NOT c.deleted AND c.region_code LIKE ? AND c.occurred_on BETWEEN ? AND ?""",
                LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30));
        bareSql(db, "the county's distinct households from its visits", """
                SELECT count(*) FROM (SELECT DISTINCT village_code, household_ref FROM outreach
                WHERE counted AND household_ref IS NOT NULL AND village_code LIKE ? AND occurred_on <= ?) h""");
        bareSql(db, "the same from household_reach (as the service counts)", """
                SELECT count(*) FROM household_reach WHERE village_code LIKE ? AND first_visit <= ?""");
    }

    /** The reference: a count's bare SQL on the same tables, 5 warm-up runs, then 30 timed. */
    static void bareSql(Connection db, String what, String sql) throws Exception {
        bareSql(db, what, sql, LocalDate.of(2024, 12, 31));
    }

    /** The same, with these days after the county's code prefix. */
    static void bareSql(Connection db, String what, String sql, LocalDate... days) throws Exception {
        List<Double> times = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < 35; i++) {
                long start = System.nanoTime();
                select.setString(1, COUNTY + "%");
                for (int d = 0; d < days.length; d++) {
                    select.setObject(2 + d, days[d]);
                }
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                }
                if (i >= 5) {
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        Collections.sort(times);
        System.out.printf("reference: %s, bare SQL: p50 %.0f ms, p95 %.0f ms%n", what, percentile(times, 50),
                percentile(times, 95));
    }

    /** 5 warm-up requests, then 30 timed, one at a time, directly and through the gateway. */
    static void time(String what, String path) throws Exception {
        for (String base : List.of(reporting, gateway)) {
            String token = token();
            List<Double> times = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < 35; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(path + ": " + answer.statusCode() + " "
                            + new String(answer.body(), StandardCharsets.UTF_8));
                }
                bytes = answer.body().length;
                if (i >= 5) {
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
            Collections.sort(times);
            System.out.printf("%-40s %-9s p50 %5.0f ms, p95 %5.0f ms (%,d bytes)%n", what, base.equals(reporting)
                    ? "direct" : "gateway", percentile(times, 50), percentile(times, 95), bytes);
        }
    }

    static void rebuild(Connection db, int events) throws Exception {
        String token = token();
        long start = System.nanoTime();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/reports/rebuilds"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\":([0-9]+)").matcher(answer.body());
        if (answer.statusCode() != 202 || !id.find()) {
            throw new IllegalStateException("rebuild: " + answer.statusCode() + " " + answer.body());
        }
        awaitCount(db, "SELECT count(*) FROM read_model_generation WHERE state = 'ACTIVE' AND id = " + id.group(1), 1);
        double took = seconds(start);
        System.out.printf("rebuild: %,d events replayed into a new generation and switched in %.1f s = %,.0f events/s%n",
                events, took, events / took);
    }

    static double jdbcReference(Connection db, List<String> villages, int records) throws Exception {
        activeGeneration(db);
        try (Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_outreach");
            ddl.execute("CREATE TABLE bench_outreach (LIKE outreach INCLUDING ALL)");
        }
        Random random = new Random(42);
        db.setAutoCommit(false);
        long start = System.nanoTime();
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO bench_outreach (id, kind, occurred_at, occurred_on, region_code, unit_id, target_group, materials,
                    people_reached, households_reached, village_code, household_ref, counted, version, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, 'RURAL_RESIDENTS', ?, 3, ?, ?, ?, true, 0, now())""")) {
            for (int i = 0; i < records; i++) {
                String village = villages.get(i % villages.size());
                LocalDate day = LocalDate.of(2024, 1, 1).plusDays(i * 366L / records);
                int draw = random.nextInt(10);
                boolean visit = draw < 8;
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, visit ? "DOOR_TO_DOOR" : draw == 8 ? "LECTURE" : "POSTER");
                insert.setObject(3, day.atTime(10, 0).atOffset(ZoneOffset.ofHours(8)));
                insert.setObject(4, day);
                insert.setString(5, village);
                insert.setObject(6, new UUID(0, village.hashCode()));
                insert.setObject(7, draw == 9 ? 20 : null, java.sql.Types.INTEGER);
                insert.setObject(8, visit ? 1 : null, java.sql.Types.INTEGER);
                insert.setString(9, visit ? village : null);
                insert.setString(10, visit ? "H-" + random.nextInt(HOUSEHOLDS + 100) : null);
                insert.addBatch();
                if ((i + 1) % 500 == 0) {
                    insert.executeBatch();
                    db.commit();
                }
            }
            insert.executeBatch();
            db.commit();
        }
        double took = seconds(start);
        db.setAutoCommit(true);
        try (Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE bench_outreach");
        }
        return took;
    }

    static void analyze(Connection db) throws Exception {
        activeGeneration(db);
        try (Statement sql = db.createStatement()) {
            sql.execute("VACUUM ANALYZE outreach");
            sql.execute("VACUUM ANALYZE case_report");
            sql.execute("VACUUM ANALYZE household_reach");
        }
    }

    /** Unqualified names on this connection mean the active generation's tables. */
    static void activeGeneration(Connection db) throws Exception {
        try (Statement sql = db.createStatement()) {
            sql.execute("SELECT set_config('search_path', schema_name || ', public', false) FROM read_model_generation"
                    + " WHERE state = 'ACTIVE'");
        }
    }

    static void awaitCount(Connection db, String query, long expected) throws Exception {
        for (long deadline = System.nanoTime() + 3_600_000_000_000L; System.nanoTime() < deadline; Thread.sleep(200)) {
            activeGeneration(db);
            try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
                rows.next();
                if (rows.getLong(1) >= expected) {
                    return;
                }
            } catch (java.sql.SQLException e) {
                // No generation active yet: the query's tables are not on the search path.
            }
        }
        throw new IllegalStateException("not reached within an hour: " + query);
    }

    static void send(KafkaProducer<String, byte[]> producer, String topic, String type, String json) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, COUNTY, json.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "/fanzha/bench");
        header(record, "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        header(record, "ce_subject", COUNTY);
        header(record, "content-type", "application/json");
        producer.send(record);
    }

    static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props);
    }

    static String token() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                URI.create(keycloak + "/realms/fanzha/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ADMIN)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer.body());
        if (!token.find()) {
            throw new IllegalStateException("no token: " + answer.body());
        }
        return token.group(1);
    }

    static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
