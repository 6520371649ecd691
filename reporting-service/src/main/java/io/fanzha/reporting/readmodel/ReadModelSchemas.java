package io.fanzha.reporting.readmodel;

import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The tables of a generation, created and migrated in its own schema by Flyway from {@code db/readmodel}. The model
 * version is the newest migration there: a generation built under an older one lacks what newer queries read, so
 * the service rebuilds it at startup (docs/reports.md, "Rebuilding").
 */
@ApplicationScoped
public class ReadModelSchemas {

    static final String LOCATION = "classpath:db/readmodel";
    private static final Pattern NAME = Pattern.compile("rm_[0-9]{1,9}");

    @Inject
    DataSource dataSource;

    public static String nameOf(int generation) {
        return "rm_" + generation;
    }

    /** Refuses anything but a generation's schema name, which is spliced into SQL. */
    public static String checked(String schema) {
        if (!NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a read-model schema: " + schema);
        }
        return schema;
    }

    /** Creates the schema if need be and brings its tables to the newest model version; returns that version. */
    public int migrate(String schema) {
        Flyway flyway = flyway(checked(schema));
        flyway.migrate();
        return version(flyway.info().current());
    }

    public int currentModelVersion() {
        MigrationInfo[] all = flyway("public").info().all();
        return version(all[all.length - 1]);
    }

    private Flyway flyway(String schema) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .schemas(schema)
                .createSchemas(true)
                .table("read_model_history")
                .load();
    }

    private static int version(MigrationInfo info) {
        return Integer.parseInt(info.getVersion().getVersion());
    }
}
