package io.fanzha.platform.persistence;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Migrates the platform's own tables (outbox, processed events) with a history of their own, beside the
 * service's Flyway history: each side numbers its migrations independently, so a new platform migration never
 * falls below a service's applied ones, nor the other way round (docs/platform.md, "Migrations").
 *
 * <p>It runs at startup, after Quarkus migrated (and in tests cleaned) the service's schema and before any
 * bean that uses these tables starts.
 */
@ApplicationScoped
public class PlatformMigrations {

    public static final String LOCATION = "classpath:db/platform";
    public static final String HISTORY_TABLE = "platform_schema_history";

    private static final Logger LOG = Logger.getLogger(PlatformMigrations.class);

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, DataSource dataSource) {
        var result = configure(dataSource, LOCATION).load().migrate();
        if (result.migrationsExecuted > 0) {
            LOG.infof("Platform tables migrated to version %s", result.targetSchemaVersion);
        }
    }

    /**
     * The platform's Flyway configuration. The schema already holds the service's tables, so the first run
     * starts from an empty baseline (version 0) instead of refusing a non-empty schema.
     */
    public static FluentConfiguration configure(DataSource dataSource, String... locations) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(locations)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0");
    }
}
