package io.fanzha.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.fanzha.gateway.GatewayConfig;
import io.fanzha.gateway.edge.Problems;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Swagger UI at {@code /q/swagger-ui/}: the gateway's own page and initializer (which loads {@code /q/openapi} and
 * logs in through Keycloak with PKCE) beside swagger-ui-dist's files from the org.webjars:swagger-ui jar. The files
 * are read once at startup and served from memory; any other name is a 404.
 */
@ApplicationScoped
public class SwaggerUiRoute {

    static final String PATH = "/q/swagger-ui";

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final List<String> DIST_FILES = List.of("swagger-ui.css", "index.css", "swagger-ui-bundle.js",
            "oauth2-redirect.html", "oauth2-redirect.js", "favicon-32x32.png", "favicon-16x16.png");
    private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8", "css", "text/css;charset=UTF-8", "png", "image/png");

    private record File(byte[] bytes, String contentType, String etag) {

        static File of(String name, byte[] bytes) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                return new File(bytes, TYPES.get(name.substring(name.lastIndexOf('.') + 1)),
                        "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Map<String, File> files;

    SwaggerUiRoute(GatewayConfig config) {
        String dist = WEBJAR + webjarVersion() + "/";
        Map<String, File> loaded = new HashMap<>();
        for (String name : DIST_FILES) {
            loaded.put(name, File.of(name, read(dist + name)));
        }
        loaded.put("index.html", File.of("index.html", read("swagger-ui/index.html")));
        // A JSON string is a JavaScript string literal: whatever the configured id holds, it stays one.
        String clientId = new String(JsonStringEncoder.getInstance().quoteAsString(config.openapi().uiClientId()));
        String initializer = new String(read("swagger-ui/swagger-initializer.js"), StandardCharsets.UTF_8)
                .replace("__CLIENT_ID__", '"' + clientId + '"');
        loaded.put("swagger-initializer.js", File.of("swagger-initializer.js",
                initializer.getBytes(StandardCharsets.UTF_8)));
        this.files = Map.copyOf(loaded);
    }

    void register(@Observes Router router) {
        // Matches /q/swagger-ui itself too.
        router.route(PATH + "/*").handler(this::serve);
        // Quarkus would serve the jar's own copy (its index loads the petstore example) without the page's policy.
        router.route("/webjars/*").handler(ctx -> Problems.send(ctx, 404, "route.unknown", "Not Found",
                "Swagger UI is at " + PATH + "/."));
    }

    private void serve(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            Problems.send(ctx, 405, "method.not-allowed", "Method Not Allowed", "Swagger UI answers GET and HEAD only.");
            return;
        }
        String path = ctx.normalizedPath();
        if (path.equals(PATH)) {
            // Relative, so the page's own relative links resolve below it, at whatever address the caller used.
            ctx.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, "swagger-ui/").end();
            return;
        }
        String name = path.substring(PATH.length() + 1);
        File file = files.get(name.isEmpty() ? "index.html" : name);
        if (file == null) {
            Problems.send(ctx, 404, "route.unknown", "Not Found", "Swagger UI has no file " + path + ".");
            return;
        }
        // Revalidated on each load, so a new gateway's files are seen at once; unchanged ones cost a 304.
        ctx.response().putHeader(HttpHeaders.ETAG, file.etag()).putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        if (file.etag().equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, file.contentType()).end(Buffer.buffer(file.bytes()));
    }

    /** The version of the swagger-ui jar on the classpath (its files sit in a folder named after it). */
    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the version of org.webjars:swagger-ui", e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + name, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath (org.webjars:swagger-ui, the gateway's "
                    + "resources)");
        }
        return in;
    }
}
