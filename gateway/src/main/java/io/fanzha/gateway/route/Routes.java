package io.fanzha.gateway.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.fanzha.gateway.GatewayConfig;

/**
 * The route table, from configuration ({@code fanzha.gateway.routes.<service>}): which service owns a path. Checked at
 * startup, so a prefix outside {@code /api/} or claimed by two services fails the boot rather than a request.
 */
@Singleton
public class Routes {

    private record Route(String prefix, Upstream upstream) {
    }

    private final List<Route> routes;

    @Inject
    Routes(GatewayConfig config) {
        this(owners(config.routes()));
    }

    /** A table of these prefixes (tests). */
    public static Routes of(Map<Upstream, List<String>> prefixes) {
        return new Routes(prefixes);
    }

    private Routes(Map<Upstream, List<String>> prefixes) {
        Map<String, Upstream> claimed = new HashMap<>();
        List<Route> table = new ArrayList<>();
        prefixes.forEach((upstream, list) -> {
            for (String raw : list) {
                String prefix = raw.trim().replaceAll("/+$", "");
                if (!prefix.startsWith("/api/") || prefix.contains("//")) {
                    throw new IllegalArgumentException("Route prefix of " + upstream.serviceName()
                            + " must be a path under /api/, got " + raw);
                }
                Upstream other = claimed.putIfAbsent(prefix, upstream);
                if (other != null && other != upstream) {
                    throw new IllegalArgumentException("Route prefix " + prefix + " is claimed by both "
                            + other.serviceName() + " and " + upstream.serviceName());
                }
                table.add(new Route(prefix, upstream));
            }
        });
        // The longest prefix first: /api/v1/reports/x may go elsewhere than /api/v1/reports.
        table.sort(Comparator.comparingInt((Route route) -> route.prefix().length()).reversed());
        this.routes = List.copyOf(table);
    }

    /**
     * The service owning a (normalized) path. A prefix matches itself and everything below it,
     * never a longer sibling: {@code /api/v1/cases} does not take {@code /api/v1/cases-archive}.
     */
    public Optional<Upstream> owning(String path) {
        for (Route route : routes) {
            String prefix = route.prefix();
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return Optional.of(route.upstream());
            }
        }
        return Optional.empty();
    }

    /** The prefixes of one service, as configured. */
    public List<String> of(Upstream upstream) {
        return routes.stream().filter(route -> route.upstream() == upstream).map(Route::prefix).sorted().toList();
    }

    private static Map<Upstream, List<String>> owners(GatewayConfig.Routes routes) {
        Map<Upstream, List<String>> owners = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            owners.put(upstream, upstream.prefixes(routes));
        }
        return owners;
    }
}
