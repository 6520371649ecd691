package io.fanzha.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.gateway.route.Routes;
import io.fanzha.gateway.route.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

/** When the services are asked for their documents: once per refresh time, and a missing one on the next request. */
class ApiDocumentCacheTest {

    private static final Duration REFRESH = Duration.ofSeconds(60);
    private static final Routes ROUTES = Routes.of(Map.of(
            Upstream.CAMPAIGN, List.of("/api/v1/regions"),
            Upstream.OUTREACH, List.of("/api/v1/outreach"),
            Upstream.CASE_STATS, List.of("/api/v1/cases"),
            Upstream.REPORTING, List.of("/api/v1/reports")));
    private static final Map<Upstream, String> PATHS = Map.of(Upstream.CAMPAIGN, "/api/v1/regions",
            Upstream.OUTREACH, "/api/v1/outreach", Upstream.CASE_STATS, "/api/v1/cases",
            Upstream.REPORTING, "/api/v1/reports");

    /** Stand-in services: what each answers next, and how often each was asked. */
    private final Map<Upstream, Function<Upstream, Future<Buffer>>> answers = new EnumMap<>(Upstream.class);
    private final Map<Upstream, Integer> asked = new EnumMap<>(Upstream.class);
    private final AtomicLong clock = new AtomicLong();
    private final AtomicBoolean mergeFails = new AtomicBoolean();

    private final ApiDocumentCache cache = new ApiDocumentCache(
            upstream -> {
                asked.merge(upstream, 1, Integer::sum);
                return answers.getOrDefault(upstream, ApiDocumentCacheTest::document).apply(upstream);
            },
            this::run,
            new DocumentMerger(ROUTES, URI.create("http://localhost:8180/realms/fanzha"), "/"),
            REFRESH, clock::get);

    @Test
    void aCompleteMergeIsKeptForTheRefreshTimeThenTheServicesAreAskedAgain() {
        MergedDocument first = get();
        assertTrue(first.complete());
        clock.addAndGet(REFRESH.toNanos() - 1);
        assertSame(first, get());
        assertEquals(Map.of(Upstream.CAMPAIGN, 1, Upstream.OUTREACH, 1, Upstream.CASE_STATS, 1, Upstream.REPORTING, 1),
                asked);

        // A redeployed service documents a new path: it appears once the time is up.
        answers.put(Upstream.CAMPAIGN, upstream -> body("""
                {"openapi": "3.0.3", "info": {"title": "t", "version": "2"},
                 "paths": {"/api/v1/regions": {}, "/api/v1/regions/{code}/children": {}}}"""));
        clock.addAndGet(1);
        JsonNode document = read(get());
        assertTrue(document.path("paths").has("/api/v1/regions/{code}/children"));
        assertEquals(Map.of(Upstream.CAMPAIGN, 2, Upstream.OUTREACH, 2, Upstream.CASE_STATS, 2, Upstream.REPORTING, 2),
                asked);
    }

    @Test
    void aMissingServiceIsAskedAgainOnTheNextRequestTheOthersNotUntilTheirTimeIsUp() {
        answers.put(Upstream.REPORTING, upstream -> Future.failedFuture("Connection refused"));
        MergedDocument incomplete = get();
        assertEquals(List.of(Upstream.REPORTING), incomplete.missing());
        assertFalse(read(incomplete).path("paths").has("/api/v1/reports"));

        answers.remove(Upstream.REPORTING);
        MergedDocument complete = get();
        assertTrue(complete.complete());
        assertTrue(read(complete).path("paths").has("/api/v1/reports"));
        assertEquals(Map.of(Upstream.CAMPAIGN, 1, Upstream.OUTREACH, 1, Upstream.CASE_STATS, 1, Upstream.REPORTING, 2),
                asked);
        assertSame(complete, get());
    }

    @Test
    void aDocumentThatIsNotOpenApi30LeavesItsServiceOut() {
        answers.put(Upstream.CAMPAIGN, upstream -> body("<html>Bad Gateway</html>"));
        answers.put(Upstream.OUTREACH, upstream -> body("{\"swagger\": \"2.0\", \"paths\": {}}"));
        answers.put(Upstream.CASE_STATS, upstream -> body("{\"openapi\": \"3.1.0\", \"paths\": {}}"));
        assertEquals(List.of(Upstream.CAMPAIGN, Upstream.OUTREACH, Upstream.CASE_STATS), get().missing());
        // Once its time is up, the document that was good is asked for again, and is bad now too.
        answers.put(Upstream.REPORTING, upstream -> body(""));
        clock.addAndGet(REFRESH.toNanos());
        assertTrue(get().empty());
    }

    @Test
    void requestsDuringAMergeWaitForThatOne() {
        Promise<Buffer> slow = Promise.promise();
        answers.put(Upstream.OUTREACH, upstream -> slow.future());
        Future<MergedDocument> first = cache.get();
        Future<MergedDocument> second = cache.get();
        assertSame(first, second);
        assertFalse(first.isComplete());
        slow.complete(document(Upstream.OUTREACH).result());
        assertTrue(first.succeeded() && first.result().complete());
        assertEquals(1, asked.get(Upstream.OUTREACH));
    }

    @Test
    void aFailedMergeIsTriedAgainOnTheNextRequest() {
        mergeFails.set(true);
        assertTrue(cache.get().failed());
        mergeFails.set(false);
        assertTrue(get().complete());
    }

    /** The worker, here on the calling thread. */
    private Future<MergedDocument> run(Callable<MergedDocument> task) {
        if (mergeFails.get()) {
            return Future.failedFuture(new IllegalStateException("merge failed"));
        }
        try {
            return Future.succeededFuture(task.call());
        } catch (Exception e) {
            return Future.failedFuture(e);
        }
    }

    private MergedDocument get() {
        Future<MergedDocument> merged = cache.get();
        assertTrue(merged.succeeded(), String.valueOf(merged.cause()));
        return merged.result();
    }

    private static Future<Buffer> document(Upstream upstream) {
        return body("""
                {"openapi": "3.0.3", "info": {"title": "%s", "version": "1.0.0"}, "paths": {"%s": {}}}
                """.formatted(upstream.serviceName(), PATHS.get(upstream)));
    }

    private static Future<Buffer> body(String text) {
        return Future.succeededFuture(Buffer.buffer(text));
    }

    private static JsonNode read(MergedDocument merged) {
        try {
            return new ObjectMapper().readTree(merged.json());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
