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
 * </ul>
 * <pre>
 * java -cp postgresql.jar bench/Imports.java regions CAMPAIGN_URL REPORTING_URL KEYCLOAK_URL JDBC_URL FILE
 * java -cp postgresql.jar bench/Imports.java case-reports CAMPAIGN_URL CASESTATS_URL KEYCLOAK_URL CASESTATS_JDBC_URL DIR
 * </pre>
 * bench/region_import.sh and bench/case_report_import.sh run them against a stack of their own.
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
            default -> throw new IllegalArgumentException("regions or case-reports, not " + args[0]);
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
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a missed sample
            }
        }
    }
}
