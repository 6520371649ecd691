package io.fanzha.gateway.route;

import java.net.URI;

/** A service's base URL taken apart once, at startup, so a bad value fails the boot and not a request. */
public record Origin(String host, int port, boolean ssl, String basePath) {

    public static Origin of(Upstream upstream, URI url) {
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("Base URL of " + upstream.serviceName() + " must be http(s)://host[:port][/path], got " + url);
        }
        boolean ssl = "https".equals(scheme);
        int port = url.getPort() != -1 ? url.getPort() : ssl ? 443 : 80;
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return new Origin(url.getHost(), port, ssl, path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    /** Scheme, host and port as the service sees itself addressed (the Host the gateway sends), with the base path. */
    String url() {
        boolean defaultPort = ssl ? port == 443 : port == 80;
        return (ssl ? "https://" : "http://") + host + (defaultPort ? "" : ":" + port) + basePath;
    }

    @Override
    public String toString() {
        return (ssl ? "https://" : "http://") + host + ":" + port + basePath;
    }
}
