import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark: a burst of region events on fanzha.campaign.v1 (as a province importing its division tree
 * would cause) and how fast reporting-service applies them to its read model.
 *
 * <p>Publishes N region-created CloudEvents (binary mode, keyed by county, as campaign-service's relay does)
 * for regions of fresh synthetic counties, then polls reporting's database until the active read-model generation's region table holds all of
 * them. As the reference, measured in the same run on the same database: the same upserts written straight
 * over JDBC in batches of 500, one transaction per batch (the database's own ceiling for this work).
 *
 * <pre>
 * java -cp "$KAFKA_LIB/*:postgresql.jar" bench/EventBurst.java live|backlog BOOTSTRAP JDBC_URL [EVENTS] [TOPIC]
 * </pre>
 * {@code live}: the consumer runs while the burst arrives. {@code backlog}: the consumer is stopped while the
 * burst is published and started when this prints "published" (bench/event_burst.sh does that), so the
 * consumer's own rate shows, not the publisher's. Either way the consumer's rate is taken from its own
 * transactions: the span of processed_at of the burst's events.
 * bench/event_burst.sh runs it against a stack of its own; see docs/benchmarks.md.
 */
public class EventBurst {

    private static final String UPSERT = """
            INSERT INTO %s (code, name, parent_code, level, resident_households, population, version, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version
            WHERE %1$s.version < EXCLUDED.version""";

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String bootstrap = args[1];
        String jdbcUrl = args[2];
        int events = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        String topic = args.length > 4 ? args[4] : "fanzha.campaign.v1";
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            readActiveGeneration(db);
            // 99xx: no real province 99, so the burst never mixes with real regions; a prefix no earlier run used.
            String prefix;
            do {
                prefix = "99" + (10 + (int) (Math.random() * 89));
            } while (count(db, prefix) > 0);
            List<Region> regions = regions(prefix, events);
            OffsetDateTime since = databaseNow(db);
            long start = System.nanoTime();
            publish(bootstrap, topic, regions);
            double published = seconds(start);
            System.out.printf("events                       %d (%d counties)%n", events, regions.stream().map(r -> r.county).distinct().count());
            System.out.printf("published in                 %.2f s (%.0f events/s)%n", published, events / published);
            if (mode.equals("backlog")) {
                // The caller starts the consumer now: the whole burst waits for it as one backlog.
                System.out.println("published; start the consumer");
            }
            while (count(db, prefix) < events) {
                if (seconds(start) > 1800) {
                    throw new IllegalStateException("reporting did not apply the burst within 30 minutes");
                }
                Thread.sleep(100);
            }
            double total = seconds(start);
            double applying = applyingSeconds(db, since);
            double reference = jdbcReference(db, regions);
            if (mode.equals("live")) {
                System.out.printf("in the read model            %.2f s after the first send (%.0f events/s)%n", total, events / total);
            }
            System.out.printf("applied by reporting         %.2f s from its first to its last transaction: %.0f events/s%n",
                    applying, events / applying);
            System.out.printf("reference: JDBC batch upsert %.2f s: %.0f rows/s%n", reference, events / reference);
            System.out.printf("reporting / reference        %.3f%n", reference / applying);
        }
    }

    /** From the first to the last transaction that recorded a burst event as processed (the consumer's own time). */
    static double applyingSeconds(Connection db, OffsetDateTime since) throws Exception {
        try (PreparedStatement span = db.prepareStatement("SELECT extract(epoch FROM max(processed_at) - min(processed_at))"
                + " FROM processed_event WHERE processed_at >= ?")) {
            span.setObject(1, since);
            try (ResultSet rows = span.executeQuery()) {
                rows.next();
                return rows.getDouble(1);
            }
        }
    }

    static OffsetDateTime databaseNow(Connection db) throws Exception {
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("SELECT now()")) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class);
        }
    }

    record Region(String code, String county, String parent, String level) {
    }

    /** Counties of 1 + 40 townships + villages, as many as it takes to reach the count. */
    static List<Region> regions(String prefix, int count) {
        List<Region> regions = new ArrayList<>(count);
        for (int county = 1; regions.size() < count; county++) {
            String c = prefix + String.format("%02d", county);
            regions.add(new Region(c, c, c.substring(0, 4), "COUNTY"));
            for (int t = 1; t <= 40 && regions.size() < count; t++) {
                String township = c + String.format("%03d", 100 + t);
                regions.add(new Region(township, c, c, "TOWNSHIP"));
                for (int v = 1; v <= 12 && regions.size() < count; v++) {
                    regions.add(new Region(township + String.format("%03d", 200 + v), c, township, "VILLAGE"));
                }
            }
        }
        return regions;
    }

    static void publish(String bootstrap, String topic, List<Region> regions) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(regions.size());
            for (Region region : regions) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, region.county, json(region));
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", UUID.randomUUID().toString());
                header(record, "ce_type", "fanzha.region.created.v2");
                header(record, "ce_source", "/fanzha/bench");
                header(record, "ce_time", OffsetDateTime.now().toString());
                header(record, "ce_subject", region.code);
                header(record, "content-type", "application/json");
                acks.add(producer.send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }
    }

    static String json(Region region) {
        return "{\"code\":\"" + region.code + "\",\"name\":\"压测" + region.code + "\",\"parentCode\":"
                + (region.parent == null ? "null" : "\"" + region.parent + "\"") + ",\"level\":\"" + region.level
                + "\",\"path\":\"\",\"residentHouseholds\":100,\"population\":300,\"version\":0}";
    }

    static double jdbcReference(Connection db, List<Region> regions) throws Exception {
        try (Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_region_reference");
            ddl.execute("CREATE TABLE bench_region_reference (LIKE region INCLUDING ALL)");
        }
        db.setAutoCommit(false);
        long start = System.nanoTime();
        try (PreparedStatement upsert = db.prepareStatement(UPSERT.formatted("bench_region_reference"))) {
            int inBatch = 0;
            for (Region region : regions) {
                upsert.setString(1, region.code);
                upsert.setString(2, "压测" + region.code);
                upsert.setString(3, region.parent);
                upsert.setString(4, region.level);
                upsert.setInt(5, 100);
                upsert.setInt(6, 300);
                upsert.setLong(7, 0);
                upsert.setObject(8, OffsetDateTime.now());
                upsert.addBatch();
                if (++inBatch == 500) {
                    upsert.executeBatch();
                    db.commit();
                    inBatch = 0;
                }
            }
            upsert.executeBatch();
            db.commit();
        }
        double elapsed = seconds(start);
        db.setAutoCommit(true);
        try (Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE bench_region_reference");
        }
        return elapsed;
    }

    /** Unqualified names on this connection mean the active read-model generation's tables (docs/reports.md). */
    static void readActiveGeneration(Connection db) throws Exception {
        try (Statement sql = db.createStatement()) {
            sql.execute("SELECT set_config('search_path', schema_name || ', public', false) FROM read_model_generation"
                    + " WHERE state = 'ACTIVE'");
        }
    }

    static long count(Connection db, String prefix) throws Exception {
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT count(*) FROM region WHERE code LIKE '" + prefix + "%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
