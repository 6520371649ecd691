import java.io.BufferedWriter;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

/**
 * The import benchmarks (docs/benchmarks.md), each printed beside its reference measured in the same run:
 * PostgreSQL's own COPY of the same file into a bare table.
 * <ul>
 * <li>{@code regions}: a generated national division tree (665,000 regions: 31 provinces, 341 prefectures, 3,069
 * counties, 39,897 townships, 621,662 villages) into campaign-service with a national-scope admin token; then the
 * time until reporting-service's summary of the last province shows every region of it.</li>
 * <li>{@code case-reports}: a county of 960 villages, then 99,840 weekly case reports of them (104 weeks) pushed as
 * CSV into case-stats-service with the demo agency's token, the same file again (every row ignored), and the
 * completeness query of each week beside the same query run directly.</li>
 * <li>{@code outreach}: 200,000 door-to-door visits synced through the gateway in batches of 500 by four clients at
 * once, beside the same rows inserted by JDBC batches of 500 into a table of the same shape; then the ledger of the
 * 100,000 visits of one township exported as CSV and as XLSX through the gateway, beside PostgreSQL's COPY of the same
 * query, with outreach-service's peak heap.</li>
 * <li>{@code evidence}: 1,000 photos of 2 MB, one for each of 1,000 visits, uploaded by four clients through the
 * gateway into outreach-service (which checks, sniffs and stores them in S3Proxy), beside the same files put straight
 * into S3Proxy by the same clients (signed with AWS Signature V4), with outreach-service's peak heap and the CPU time
 * each process of the stack spent in each of the two runs.</li>
 * </ul>
 * <pre>
 * java -cp postgresql.jar bench/Imports.java regions CAMPAIGN_URL REPORTING_URL KEYCLOAK_URL JDBC_URL FILE
 * java -cp postgresql.jar bench/Imports.java case-reports CAMPAIGN_URL CASESTATS_URL KEYCLOAK_URL CASESTATS_JDBC_URL DIR
 * java -cp postgresql.jar bench/Imports.java outreach CAMPAIGN_URL GATEWAY_URL OUTREACH_URL KEYCLOAK_URL OUTREACH_JDBC_URL DIR
 * java -cp postgresql.jar bench/Imports.java evidence CAMPAIGN_URL GATEWAY_URL OUTREACH_URL KEYCLOAK_URL S3_URL DIR PIDS_DIR
 * </pre>
 * bench/region_import.sh, bench/case_report_import.sh, bench/outreach_sync.sh and bench/evidence_upload.sh run them
 * against a stack of their own.
 */
public class Imports {

    static final int PROVINCES = 31;
    static final int PREFECTURES = 11;
    static final int COUNTIES = 9;
    static final int TOWNSHIPS = 13;
    static final int REGIONS = 665_000;

    static final String ADMIN = "grant_type=password&client_id=fanzha-web&username=national-admin&password=demo";
    static final String AGENCY = "grant_type=client_credentials&client_id=agency-demo&client_secret=agency-demo-secret";
    static final int COUNTY_TOWNSHIPS = 40;
    static final int PER_TOWNSHIP = 24;
    static final int VILLAGES = COUNTY_TOWNSHIPS * PER_TOWNSHIP;
    /** Two years: 2023 and 2024 have 52 ISO weeks each. 960 villages × 104 weeks = 99,840 rows, within a push. */
    static final int WEEKS = 104;

    public static void main(String[] args) throws Exception {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "regions" -> regions(rest);
            case "case-reports" -> caseReports(rest);
            case "outreach" -> outreach(rest);
            case "evidence" -> evidence(rest);
            default -> throw new IllegalArgumentException("regions, case-reports, outreach or evidence, not " + args[0]);
        }
    }

    static void regions(String[] args) throws Exception {
        String campaign = args[0];
        String reporting = args[1];
        String keycloak = args[2];
        String jdbcUrl = args[3];
        Path file = Path.of(args[4]);
        int perProvince = generate(file);
        System.out.printf("file: %d regions, %.1f MB%n", REGIONS, Files.size(file) / 1e6);

        double copyRate = copyReference(jdbcUrl, file, "code varchar(15), name varchar(100), parent_code varchar(15), "
                + "resident_households integer, population integer");
        String token = token(keycloak, ADMIN);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = new Thread(() -> sampleHeap(http, campaign, peakHeap));
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(campaign + "/api/v1/regions/import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).timeout(Duration.ofMinutes(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        long acknowledged = System.nanoTime();
        System.out.printf("import: HTTP %d in %.1f s: %.0f rows/s; COPY reference %.0f rows/s; ratio %.2f%n",
                answer.statusCode(), seconds, REGIONS / seconds, copyRate, REGIONS / seconds / copyRate);
        System.out.println("answer: " + answer.body().substring(0, Math.min(300, answer.body().length())));
        System.out.printf("campaign-service peak heap used during the import: %.0f MB (-Xmx of ./fanzha's services)%n",
                peakHeap.get() / 1e6);

        String last = String.valueOf(10 + PROVINCES);
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> summary = http.send(HttpRequest.newBuilder(
                    URI.create(reporting + "/api/v1/reports/regions/" + last + "/summary"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            Matcher count = Pattern.compile("\"regionCount\":(\\d+)").matcher(summary.body());
            if (summary.statusCode() == 200 && count.find() && Integer.parseInt(count.group(1)) == perProvince) {
                System.out.printf("reporting: province %s shows all %d of its regions %.1f s after the import was "
                        + "acknowledged%n", last, perProvince, (System.nanoTime() - acknowledged) / 1e9);
                return;
            }
            Thread.sleep(500);
        }
        System.out.println("reporting: not caught up within 30 minutes");
    }

    /** Writes the tree, children before parents within each province (the import takes any order). */
    static int generate(Path file) throws Exception {
        int villagesLeft = REGIONS - PROVINCES * (1 + PREFECTURES * (1 + COUNTIES * (1 + TOWNSHIPS)));
        int townships = PROVINCES * PREFECTURES * COUNTIES * TOWNSHIPS;
        int lastProvince = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("code,name,parentCode,residentHouseholds,population\n");
            int townshipNumber = 0;
            for (int p = 11; p < 11 + PROVINCES; p++) {
                int inProvince = 0;
                for (int f = 1; f <= PREFECTURES; f++) {
                    String prefecture = p + String.format("%02d", f);
                    for (int c = 1; c <= COUNTIES; c++) {
                        String county = prefecture + String.format("%02d", c);
                        for (int t = 1; t <= TOWNSHIPS; t++) {
                            String township = county + String.format("%03d", 100 + t);
                            int villages = villagesLeft / (townships - townshipNumber);
                            villagesLeft -= villages;
                            townshipNumber++;
                            for (int v = 1; v <= villages; v++) {
                                out.write(township + String.format("%03d", 200 + v) + ",村" + v + ",," + (300 + v) + ",\n");
                            }
                            out.write(township + ",镇" + t + "," + county + ",,\n");
                            inProvince += villages + 1;
                        }
                        out.write(county + ",县" + c + ",,,\n");
                        inProvince++;
                    }
                    out.write(prefecture + ",市" + f + ",,,\n");
                    inProvince++;
                }
                out.write(p + ",省" + p + ",,,\n");
                lastProvince = inProvince + 1;
            }
        }
        return lastProvince;
    }

    /** COPY of the file into a bare table of these columns, in rows per second. */
    static double copyReference(String jdbcUrl, Path file, String columns) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS bench_copy");
                ddl.execute("CREATE TABLE bench_copy (" + columns + ")");
            }
            long start = System.nanoTime();
            long rows;
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                rows = db.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)", in);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement ddl = db.createStatement()) {
                ddl.execute("DROP TABLE bench_copy");
            }
            return rows / seconds;
        }
    }

    static void caseReports(String[] args) throws Exception {
        String campaign = args[0];
        String casestats = args[1];
        String keycloak = args[2];
        String jdbcUrl = args[3];
        Path tree = Path.of(args[4], "county.csv");
        Path file = Path.of(args[4], "case-reports.csv");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        // The county's regions, announced by campaign-service, are what case-stats-service accepts.
        try (BufferedWriter out = Files.newBufferedWriter(tree, StandardCharsets.UTF_8)) {
            out.write("code,name,parentCode,residentHouseholds,population\n341825,旌德县,,,\n");
            for (int t = 0; t < COUNTY_TOWNSHIPS; t++) {
                out.write("341825" + (100 + t) + ",镇" + t + ",341825,,\n");
                for (int v = 0; v < PER_TOWNSHIP; v++) {
                    out.write("341825" + (100 + t) + (201 + v) + ",村" + v + ",,300,\n");
                }
            }
        }
        HttpResponse<String> imported = post(http, campaign + "/api/v1/regions/import", token(keycloak, ADMIN), tree);
        System.out.println("regions: HTTP " + imported.statusCode() + " " + imported.body().substring(0, Math.min(120,
                imported.body().length())));
        int regions = 1 + COUNTY_TOWNSHIPS + VILLAGES;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (count(db, "SELECT count(*) FROM region WHERE code LIKE '341825%'") < regions) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("case-stats-service did not learn the county's regions");
                }
                Thread.sleep(200);
            }
        }

        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("regionCode,period,category,cases,loss\n");
            for (int t = 0; t < COUNTY_TOWNSHIPS; t++) {
                for (int v = 0; v < PER_TOWNSHIP; v++) {
                    for (int w = 0; w < WEEKS; w++) {
                        int cases = (t + v + w) % 4;
                        out.write("341825" + (100 + t) + (201 + v) + "," + (w < 52 ? "2023-W" : "2024-W")
                                + String.format("%02d", w % 52 + 1) + ",ONLINE_LOAN," + cases + "," + cases * 1234.5
                                + "0\n");
                    }
                }
            }
        }
        int rows = VILLAGES * WEEKS;
        System.out.printf("file: %d case reports, %.1f MB%n", rows, Files.size(file) / 1e6);
        double copyRate = copyReference(jdbcUrl, file, "region_code varchar(15), period varchar(10), "
                + "category varchar(50), cases integer, loss numeric(18,2)");
        String agency = token(keycloak, AGENCY);
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = new Thread(() -> sampleHeap(http, casestats, peakHeap));
        sampler.setDaemon(true);
        sampler.start();
        for (String round : new String[] { "push", "same file again" }) {
            // Over the job threshold: answered 202 once stored, then imported by a worker; timed until the job is done.
            long start = System.nanoTime();
            HttpResponse<String> answer = post(http, casestats + "/api/v1/case-reports", agency, file);
            double accepted = (System.nanoTime() - start) / 1e9;
            if (answer.statusCode() == 202) {
                URI job = URI.create(casestats).resolve(answer.headers().firstValue("Location").orElseThrow());
                do {
                    Thread.sleep(100);
                    answer = http.send(HttpRequest.newBuilder(job).header("Authorization", "Bearer " + agency).build(),
                            HttpResponse.BodyHandlers.ofString());
                } while (answer.body().contains("\"status\":\"QUEUED\"") || answer.body().contains("\"status\":\"RUNNING\""));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: stored and answered in %.1f s, imported after %.1f s: %.0f rows/s; COPY reference "
                    + "%.0f rows/s; ratio %.2f%n", round, accepted, seconds, rows / seconds, copyRate, rows / seconds / copyRate);
            System.out.println("job: " + answer.body().substring(Math.max(0, answer.body().indexOf("\"rowsRead\"")),
                    Math.min(answer.body().length(), answer.body().indexOf("\"rowsRead\"") + 160)));
        }
        sampler.interrupt();
        System.out.printf("case-stats-service peak heap used during the pushes: %.0f MB (-Xmx of ./fanzha's services)%n",
                peakHeap.get() / 1e6);
        completeness(http, casestats, token(keycloak, ADMIN), jdbcUrl);
    }

    /**
     * The completeness query of each of the 104 weeks for the county (960 expected villages), through the service,
     * beside the same question asked of PostgreSQL directly: one statement per week over JDBC.
     */
    static void completeness(HttpClient http, String casestats, String admin, String jdbcUrl) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(casestats
                + "/api/v1/case-reports/expectations")).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"regionCode\": \"341825\", \"level\": \"VILLAGE\", \"reporter\": \"agency-demo\", "
                        + "\"deadlineDays\": 2}")).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("expectation: HTTP " + created.statusCode());
        long[] service = new long[WEEKS];
        long[] reference = new long[WEEKS];
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            for (int round = 0; round < 2; round++) { // the first round warms up both sides
                for (int w = 0; w < WEEKS; w++) {
                    String week = (w < 52 ? "2023-W" : "2024-W") + String.format("%02d", w % 52 + 1);
                    long start = System.nanoTime();
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(casestats
                            + "/api/v1/case-reports/completeness?within=341825&period=" + week))
                            .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
                    service[w] = System.nanoTime() - start;
                    if (answer.statusCode() != 200 || !answer.body().contains("\"expected\":" + VILLAGES)) {
                        throw new IllegalStateException(week + ": " + answer.statusCode() + " " + answer.body());
                    }
                    start = System.nanoTime();
                    try (var query = db.prepareStatement("SELECT g.code, min(r.created_at) FROM region g "
                            + "LEFT JOIN case_report r ON r.region_code = g.code AND r.period = ? AND r.created_by = ? "
                            + "WHERE g.code LIKE ? AND length(g.code) = 12 GROUP BY g.code ORDER BY g.code")) {
                        query.setString(1, week);
                        query.setString(2, "agency-demo");
                        query.setString(3, "341825%");
                        try (var result = query.executeQuery()) {
                            while (result.next()) {
                                result.getObject(2);
                            }
                        }
                    }
                    reference[w] = System.nanoTime() - start;
                }
            }
        }
        Arrays.sort(service);
        Arrays.sort(reference);
        System.out.printf("completeness of a week, county of %d villages, %d weeks stored: median %.1f ms, slowest %.1f ms "
                + "through the service; the query alone over JDBC: median %.1f ms, slowest %.1f ms%n", VILLAGES, WEEKS,
                service[WEEKS / 2] / 1e6, service[WEEKS - 1] / 1e6, reference[WEEKS / 2] / 1e6, reference[WEEKS - 1] / 1e6);
    }

    static final String COUNTY_ADMIN = "grant_type=password&client_id=fanzha-web&username=county-admin&password=demo";
    static final int SYNCED = 200_000;
    static final int SYNC_BATCH = 500;
    static final int SYNC_CLIENTS = 4;
    static final int OUTREACH_VILLAGES = 100;
    static final String[] REFERENCE_COLUMNS = { "id", "version", "kind", "occurred_at", "region_code", "unit_id",
        "target_group", "people_reached", "households_reached", "materials", "household_ref", "notice_signed", "worker",
        "device_id", "review_state", "voided", "created_at", "updated_at" };

    static void outreach(String[] args) throws Exception {
        String campaign = args[0];
        String gateway = args[1];
        String outreach = args[2];
        String keycloak = args[3];
        String jdbcUrl = args[4];
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String admin = token(keycloak, COUNTY_ADMIN);
        String unitText = county(http, campaign, gateway, admin, Path.of(args[5]));

        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = new Thread(() -> sampleHeap(http, outreach, peakHeap));
        sampler.setDaemon(true);
        sampler.start();
        long[] latencies = new long[SYNCED / SYNC_BATCH];
        double seconds = inParallel(SYNC_CLIENTS, 0, latencies.length, b -> {
            long sent = System.nanoTime();
            String answer = syncBody(http, gateway + "/api/v1/outreach/sync", admin,
                    batchOf(b * SYNC_BATCH, SYNC_BATCH, unitText));
            latencies[b] = System.nanoTime() - sent;
            if (!answer.contains("\"imported\":" + SYNC_BATCH)) {
                throw new IllegalStateException("batch " + b + ": " + answer.substring(0, 300));
            }
        });
        sampler.interrupt();
        Arrays.sort(latencies);
        double reference = outreachReference(jdbcUrl, unitText);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            System.out.printf("sync: %d records in %d batches of %d by %d clients through the gateway in %.1f s: %.0f "
                    + "records/s (batch median %.0f ms, 95th percentile %.0f ms; %d stored); JDBC batch reference %.0f "
                    + "rows/s; ratio %.2f%n", SYNCED, latencies.length, SYNC_BATCH, SYNC_CLIENTS, seconds, SYNCED / seconds,
                    latencies[latencies.length / 2] / 1e6, latencies[latencies.length * 95 / 100] / 1e6,
                    count(db, "SELECT count(*) FROM outreach_record WHERE worker = 'county-admin'"), reference,
                    SYNCED / seconds / reference);
        }
        System.out.printf("outreach-service peak heap used during the sync: %.0f MB%n", peakHeap.get() / 1e6);
        System.out.printf("resending one batch: %s%n", syncBody(http, gateway + "/api/v1/outreach/sync", admin,
                batchOf(0, SYNC_BATCH, unitText)).replaceAll(",\"results\".*", ""));

        double copySeconds = ledgerCopy(jdbcUrl);
        for (String format : new String[] { "csv", "xlsx" }) {
            peakHeap.set(0);
            Thread ledgerSampler = new Thread(() -> sampleHeap(http, outreach, peakHeap));
            ledgerSampler.setDaemon(true);
            ledgerSampler.start();
            long exportStart = System.nanoTime();
            HttpResponse<java.io.InputStream> file = http.send(HttpRequest.newBuilder(URI.create(gateway
                    + "/api/v1/ledger?within=341825100&format=" + format)).header("Authorization", "Bearer " + admin)
                    .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
            long bytes;
            try (java.io.InputStream in = file.body()) {
                bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
            ledgerSampler.interrupt();
            System.out.printf("ledger %s of %d records: HTTP %d, %.1f MB in %.1f s through the gateway; COPY of the same "
                    + "rows %.1f s; outreach-service peak heap used %.0f MB%n", format, SYNCED / 2, file.statusCode(),
                    bytes / 1e6, exportSeconds, copySeconds, peakHeap.get() / 1e6);
        }
    }

    /**
     * Two townships of fifty villages each and the unit visits are logged for, created in campaign-service; answers
     * the unit's id once outreach-service has learnt them all.
     */
    static String county(HttpClient http, String campaign, String gateway, String admin, Path dir) throws Exception {
        Path tree = dir.resolve("outreach-county.csv");
        try (BufferedWriter out = Files.newBufferedWriter(tree, StandardCharsets.UTF_8)) {
            out.write("code,name,parentCode,residentHouseholds,population\n341825,旌德县,,,\n");
            for (int v = 0; v < OUTREACH_VILLAGES; v++) {
                String township = "341825" + (100 + v / 50);
                if (v % 50 == 0) {
                    out.write(township + ",镇" + v / 50 + ",341825,,\n");
                }
                out.write(village(v) + ",村" + v + "," + township + ",2000,\n");
            }
        }
        System.out.println("regions: HTTP " + post(http, campaign + "/api/v1/regions/import", admin, tree).statusCode());
        HttpResponse<String> unit = http.send(HttpRequest.newBuilder(URI.create(campaign + "/api/v1/units"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"基准派出所\", \"type\": \"POLICE_STATION\", "
                        + "\"regionCode\": \"341825\", \"targetGroups\": []}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher unitId = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(unit.body());
        if (unit.statusCode() != 201 || !unitId.find()) {
            throw new IllegalStateException("unit: " + unit.statusCode() + " " + unit.body());
        }
        String unitText = unitId.group(1);
        // outreach-service learns the regions and the unit from campaign-service's events: wait until a dry run of
        // the last village's visit would be stored.
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!syncBody(http, gateway + "/api/v1/outreach/sync?dryRun=true", admin,
                batchOf(SYNCED - 1, 1, unitText)).contains("\"imported\":1")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("outreach-service did not learn the county's regions and unit");
            }
            Thread.sleep(500);
        }
        return unitText;
    }

    static final int PHOTOS = 1_000;
    static final int PHOTO_BYTES = 2 * 1024 * 1024;
    static final int UPLOAD_CLIENTS = 4;
    /**
     * Uploads each way before the measured ones, so that both sides are measured warm (JIT, pools); 100 unless the
     * environment's FANZHA_BENCH_WARM_UP says otherwise.
     */
    static final int WARM_UP = Integer.parseInt(System.getenv().getOrDefault("FANZHA_BENCH_WARM_UP", "100"));
    static final String S3_KEY = "fanzha-local";
    static final String S3_SECRET = "fanzha-local-secret";
    static final String S3_BUCKET = "fanzha-evidence";

    static void evidence(String[] args) throws Exception {
        String campaign = args[0];
        String gateway = args[1];
        String outreach = args[2];
        String keycloak = args[3];
        String s3 = args[4];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String admin = token(keycloak, COUNTY_ADMIN);
        String unit = county(http, campaign, gateway, admin, Path.of(args[5]));
        for (int first = 0; first < PHOTOS + WARM_UP; first += SYNC_BATCH) {
            String answer = syncBody(http, gateway + "/api/v1/outreach/sync", admin, batchOf(first, SYNC_BATCH, unit));
            if (!answer.contains("\"imported\":" + SYNC_BATCH)) {
                throw new IllegalStateException("visits: " + answer.substring(0, Math.min(300, answer.length())));
            }
        }
        double megabytes = (double) PHOTOS * PHOTO_BYTES / 1e6;
        Path pids = Path.of(args[6]);

        // The same client work on both sides: make the photo, hash it, send it.
        Request straight = n -> {
            byte[] photo = photo(n);
            byte[] sha256 = java.security.MessageDigest.getInstance("SHA-256").digest(photo);
            HttpResponse<String> answer = http.send(signedPut(s3, S3_BUCKET + "/bench-direct/" + n, photo, sha256),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("S3Proxy: " + answer.statusCode() + " " + answer.body());
            }
        };
        Request throughGateway = n -> {
            byte[] photo = photo(n);
            byte[] sha256 = java.security.MessageDigest.getInstance("SHA-256").digest(photo);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/outreach/"
                    + new java.util.UUID(0x0b, n) + "/evidence/notice.jpg")).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "image/jpeg")
                    .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(sha256) + ":")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("upload " + n + ": " + answer.statusCode() + " " + answer.body());
            }
        };
        inParallel(UPLOAD_CLIENTS, PHOTOS, PHOTOS + WARM_UP, straight);
        inParallel(UPLOAD_CLIENTS, PHOTOS, PHOTOS + WARM_UP, throughGateway);

        Map<String, Double> before = cpuSeconds(pids);
        double direct = inParallel(UPLOAD_CLIENTS, 0, PHOTOS, straight);
        Map<String, Double> between = cpuSeconds(pids);
        AtomicLong peakHeap = new AtomicLong();
        // Sampled every half second: /q/metrics every 100 ms took a sixth of the service's CPU samples here.
        Thread sampler = new Thread(() -> sampleHeap(http, outreach, peakHeap, 500));
        sampler.setDaemon(true);
        sampler.start();
        double service = inParallel(UPLOAD_CLIENTS, 0, PHOTOS, throughGateway);
        sampler.interrupt();
        Map<String, Double> after = cpuSeconds(pids);
        System.out.println("CPU seconds straight into S3Proxy: " + spent(before, between));
        System.out.println("CPU seconds through the gateway: " + spent(between, after));
        System.out.printf("evidence: %d photos of %.1f MB by %d clients; through the gateway into outreach-service "
                + "(checked, sniffed, stored in S3Proxy) %.1f s = %.1f MB/s; the same files straight into S3Proxy %.1f s "
                + "= %.1f MB/s; ratio %.2f; outreach-service peak heap used %.0f MB%n", PHOTOS, PHOTO_BYTES / 1e6,
                UPLOAD_CLIENTS, service, megabytes / service, direct, megabytes / direct, direct / service,
                peakHeap.get() / 1e6);
    }

    /**
     * CPU seconds (user and system) each process of the stack (its pid files), PostgreSQL's processes and this
     * benchmark have used so far, from /proc.
     */
    static Map<String, Double> cpuSeconds(Path pids) throws Exception {
        Map<String, Double> used = new java.util.TreeMap<>();
        try (var files = Files.list(pids)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString().replace(".pid", "");
                used.put(name, ticks(Files.readString(file).trim()) / 100.0);
            }
        }
        used.put("benchmark client", ticks("self") / 100.0);
        double postgres = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    if (Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                        postgres += ticks(process.getFileName().toString());
                    }
                } catch (java.io.IOException gone) {
                    // ended meanwhile
                }
            }
        }
        used.put("postgres", postgres / 100.0);
        return used;
    }

    /** utime + stime of a process (clock ticks, 100 a second here), 0 when it is gone. */
    static long ticks(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (Exception gone) {
            return 0;
        }
    }

    static String spent(Map<String, Double> from, Map<String, Double> to) {
        StringBuilder line = new StringBuilder();
        to.forEach((name, seconds) -> {
            double delta = seconds - from.getOrDefault(name, 0.0);
            if (delta >= 0.05) {
                line.append(line.isEmpty() ? "" : ", ").append(String.format("%s %.1f", name, delta));
            }
        });
        return line.toString();
    }

    interface Request {
        void send(int n) throws Exception;
    }

    /** Sends requests from to to - 1 from that many client threads, each taking the next; answers the seconds taken. */
    static double inParallel(int threads, int from, int to, Request request) throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(from);
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
        for (int c = 0; c < threads; c++) {
            running.add(clients.submit(() -> {
                for (int n = next.getAndIncrement(); n < to; n = next.getAndIncrement()) {
                    request.send(n);
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    /** A 2 MB "photo": JPEG's opening bytes (so that it sniffs as image/jpeg), then noise of seed n. */
    static byte[] photo(int n) {
        byte[] photo = new byte[PHOTO_BYTES];
        new java.util.SplittableRandom(n).nextBytes(photo);
        byte[] jfif = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0 };
        System.arraycopy(jfif, 0, photo, 0, jfif.length);
        return photo;
    }

    /** A PUT of an object to S3Proxy, signed with AWS Signature Version 4 as the AWS SDK signs it. */
    static HttpRequest signedPut(String s3, String path, byte[] body, byte[] sha256) throws Exception {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
        String amzDate = now.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        String day = amzDate.substring(0, 8);
        String payload = java.util.HexFormat.of().formatHex(sha256);
        String host = URI.create(s3).getAuthority();
        String signedHeaders = "host;x-amz-content-sha256;x-amz-date";
        String canonical = "PUT\n/" + path + "\n\nhost:" + host + "\nx-amz-content-sha256:" + payload + "\nx-amz-date:"
                + amzDate + "\n\n" + signedHeaders + "\n" + payload;
        String scope = day + "/us-east-1/s3/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = ("AWS4" + S3_SECRET).getBytes(StandardCharsets.UTF_8);
        for (String part : new String[] { day, "us-east-1", "s3", "aws4_request" }) {
            key = hmac(key, part);
        }
        String signature = java.util.HexFormat.of().formatHex(hmac(key, toSign));
        return HttpRequest.newBuilder(URI.create(s3 + "/" + path)).header("x-amz-date", amzDate)
                .header("x-amz-content-sha256", payload).header("Content-Type", "image/jpeg")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + S3_KEY + "/" + scope + ", SignedHeaders="
                        + signedHeaders + ", Signature=" + signature)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofMinutes(2)).build();
    }

    static byte[] hmac(byte[] key, String data) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    static String village(int v) {
        return "341825" + (100 + v / 50) + (201 + v % 50);
    }

    /** Visits first to first + count - 1: the same JSON for the same numbers, so that a resend is unchanged. */
    static String batchOf(int first, int count, String unit) {
        StringBuilder body = new StringBuilder("{\"deviceId\": \"bench\", \"records\": [");
        for (int n = first; n < first + count; n++) {
            int v = n % OUTREACH_VILLAGES;
            body.append(n == first ? "" : ",").append("""
                    {"id": "%s", "kind": "DOOR_TO_DOOR", "occurredAt": "2024-01-%02dT%02d:%02d:00+08:00", "regionCode": "%s",
                     "unitId": "%s", "targetGroup": "RURAL_RESIDENTS", "metrics": {"peopleReached": %d, "householdsReached": 1,
                     "materials": 2}, "household": {"ref": "HH-%d", "noticeSigned": true}}"""
                    .formatted(new java.util.UUID(0x0b, n), 1 + n % 28, 8 + n % 10, n % 60, village(v), unit, 1 + n % 5, n));
        }
        return body.append("]}").toString();
    }

    static String syncBody(HttpClient http, String url, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The same visits inserted by plain JDBC batches of 500, one transaction each, into a copy of the table. */
    static double outreachReference(String jdbcUrl, String unit) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS bench_outreach_reference");
                ddl.execute("CREATE TABLE bench_outreach_reference (LIKE outreach_record INCLUDING ALL)");
            }
            db.setAutoCommit(false);
            String sql = "INSERT INTO bench_outreach_reference (" + String.join(", ", REFERENCE_COLUMNS) + ") VALUES ("
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            java.util.UUID unitId = java.util.UUID.fromString(unit);
            long start = System.nanoTime();
            try (var insert = db.prepareStatement(sql)) {
                for (int n = 0; n < SYNCED; n++) {
                    java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
                    Object[] values = { new java.util.UUID(0x0c, n), 1L, "DOOR_TO_DOOR",
                        java.time.OffsetDateTime.parse("2024-01-%02dT%02d:%02d:00+08:00".formatted(1 + n % 28, 8 + n % 10,
                                n % 60)), village(n % OUTREACH_VILLAGES), unitId, "RURAL_RESIDENTS", 1 + n % 5, 1, 2,
                        "HH-" + n, true, "county-admin", "bench", "PENDING", false, now, now };
                    for (int i = 0; i < values.length; i++) {
                        insert.setObject(i + 1, values[i]);
                    }
                    insert.addBatch();
                    if ((n + 1) % SYNC_BATCH == 0) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement ddl = db.createStatement()) {
                ddl.execute("DROP TABLE bench_outreach_reference");
            }
            db.commit();
            return SYNCED / seconds;
        }
    }

    /** PostgreSQL's COPY of the township's ledger rows (the same query the export runs) to nowhere. */
    static double ledgerCopy(String jdbcUrl) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            long start = System.nanoTime();
            db.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT r.*, g.name, u.name FROM outreach_record r "
                    + "LEFT JOIN region g ON g.code = r.region_code LEFT JOIN unit u ON u.id = r.unit_id "
                    + "WHERE r.region_code LIKE '341825100%' ORDER BY r.region_code, r.occurred_at, r.id) TO STDOUT WITH CSV",
                    java.io.OutputStream.nullOutputStream());
            return (System.nanoTime() - start) / 1e9;
        }
    }

    static HttpResponse<String> post(HttpClient http, String url, String token, Path csv) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv))
                .timeout(Duration.ofMinutes(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static long count(Connection db, String sql) throws Exception {
        try (Statement query = db.createStatement(); var result = query.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    static String token(String keycloak, String form) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(keycloak + "/realms/fanzha/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer.body());
        if (!token.find()) {
            throw new IllegalStateException("no token: " + answer.body());
        }
        return token.group(1);
    }

    /** The highest heap use /q/metrics reports while the import runs, sampled every 100 ms. */
    static void sampleHeap(HttpClient http, String service, AtomicLong peak) {
        sampleHeap(http, service, peak, 100);
    }

    static void sampleHeap(HttpClient http, String service, AtomicLong peak, long everyMillis) {
        Pattern used = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");
        while (!Thread.currentThread().isInterrupted()) {
            try {
                String metrics = http.send(HttpRequest.newBuilder(URI.create(service + "/q/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher pools = used.matcher(metrics);
                long sum = 0;
                while (pools.find()) {
                    sum += (long) Double.parseDouble(pools.group(1));
                }
                peak.accumulateAndGet(sum, Math::max);
                Thread.sleep(everyMillis);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a missed sample
            }
        }
    }
}
