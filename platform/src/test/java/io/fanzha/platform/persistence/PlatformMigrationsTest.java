package io.fanzha.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Platform and service migrations each gain a new one after both have been applied, the way releases
 * happen: neither side's history breaks the other's validation. Runs the real Flyway of
 * {@link PlatformMigrations} inside the application, on PostgreSQL, in a schema of its own.
 */
@QuarkusTest
class PlatformMigrationsTest {

    static final String SCHEMA = "migration_test";
    static final String SERVICE = "classpath:db/migration-test/";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void freshSchema() throws Exception {
        execute("drop schema if exists " + SCHEMA + " cascade");
    }

    @Test
    void eachSideAddsAMigrationWithoutBreakingTheOther() throws Exception {
        // Release 1: the service's V1, then the platform's own (V1 to V3), as a service starts.
        service(SERVICE + "service-v1").load().migrate();
        platform(PlatformMigrations.LOCATION).load().migrate();

        // Release 2: both sides add a migration. The service's V2 is below the platform's V3 and V100, which
        // a single shared history would refuse; with two histories each side validates and migrates.
        service(SERVICE + "service-v1", SERVICE + "service-v2").load().migrate();
        platform(PlatformMigrations.LOCATION, SERVICE + "platform-next").load().migrate();
        Flyway serviceAgain = service(SERVICE + "service-v1", SERVICE + "service-v2").load();
        Flyway platformAgain = platform(PlatformMigrations.LOCATION, SERVICE + "platform-next").load();
        serviceAgain.validate();
        platformAgain.validate();

        assertEquals("2", serviceAgain.info().current().getVersion().getVersion());
        assertEquals("100", platformAgain.info().current().getVersion().getVersion());
        assertTrue(columnExists("service_thing", "name"));
        assertTrue(columnExists("outbox_event", "trace_parent"));
    }

    private FluentConfiguration service(String... locations) {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).createSchemas(true).locations(locations);
    }

    private FluentConfiguration platform(String... locations) {
        return PlatformMigrations.configure(dataSource, locations).schemas(SCHEMA);
    }

    private boolean columnExists(String table, String column) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select count(*) from information_schema.columns where table_schema = '"
                        + SCHEMA + "' and table_name = '" + table + "' and column_name = '" + column + "'")) {
            rows.next();
            return rows.getInt(1) == 1;
        }
    }

    private void execute(String statement) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
