package io.fanzha.platform.job;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When a bulk request becomes a job, and how jobs are run (docs/platform.md, "Import jobs"). */
@ConfigMapping(prefix = "fanzha.import-jobs")
public interface ImportJobConfig {

    /**
     * A body larger than this is stored and imported as a job, answered 202 at once; a smaller one is imported
     * while the caller waits. 1 MiB is about 24,000 CSV rows of case reports: a couple of seconds of work.
     */
    @WithDefault("1M")
    MemorySize threshold();

    /** How often an idle worker looks for waiting jobs. */
    @WithDefault("2s")
    Duration poll();

    /** A running job whose worker has not been heard of for this long stopped with it, and is claimed again. */
    @WithDefault("60s")
    Duration lease();

    /** A job whose worker stopped this many times fails (import.job-interrupted) rather than stopping another. */
    @WithDefault("3")
    int maxAttempts();

    /** Longest run of one job: its transaction's timeout. */
    @WithDefault("15m")
    Duration timeout();

    /** Finished jobs and their answers are kept this long, then deleted. */
    @WithDefault("30d")
    Duration retention();
}
