package io.fanzha.gateway.route;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.MultiMap;

/**
 * Who the caller is and which address it called, as the services are told it (X-Forwarded-For/Proto/Host and the
 * standard {@code Forwarded}). A caller's own forwarding headers are believed only when it is a trusted proxy
 * ({@code fanzha.gateway.trusted-proxies}: addresses or CIDR blocks); from anyone else they are dropped, so a client
 * cannot pass itself off as another address.
 */
final class Forwarding {

    static final List<String> HEADERS = List.of("forwarded", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host");

    /** The caller's view: the chain of client addresses (the caller's own last), the scheme and the host it used. */
    record View(String forwardedFor, String proto, String host) {

        /** The base of the gateway's address as the caller used it, to rewrite the services' own addresses to. */
        String base() {
            return proto + "://" + host;
        }
    }

    private record Block(byte[] network, int bits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Block> trusted = new ArrayList<>();

    Forwarding(List<String> trustedProxies) {
        for (String entry : trustedProxies) {
            String[] parts = entry.trim().split("/", 2);
            byte[] address = literal(parts[0]);
            trusted.add(new Block(address, parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8));
        }
    }

    View of(String peer, String scheme, String authority, MultiMap inbound) {
        String host = authority == null ? "" : authority;
        if (peer == null || !isTrusted(peer)) {
            return new View(peer == null ? "unknown" : peer, scheme, host);
        }
        String chain = inbound.get("X-Forwarded-For");
        String proto = inbound.get("X-Forwarded-Proto");
        String forwardedHost = inbound.get("X-Forwarded-Host");
        return new View(chain == null || chain.isBlank() ? peer : chain + ", " + peer,
                proto == null || proto.isBlank() ? scheme : proto.trim(),
                forwardedHost == null || forwardedHost.isBlank() ? host : forwardedHost.trim());
    }

    /** Sets the forwarding headers of the view on a request to a service (the caller's were left out). */
    static void apply(View view, MultiMap headers) {
        headers.set("X-Forwarded-For", view.forwardedFor());
        headers.set("X-Forwarded-Proto", view.proto());
        if (!view.host().isEmpty()) {
            headers.set("X-Forwarded-Host", view.host());
        }
        StringBuilder forwarded = new StringBuilder();
        for (String client : view.forwardedFor().split(",")) {
            forwarded.append(forwarded.length() == 0 ? "" : ", ").append("for=").append(node(client.trim()));
        }
        forwarded.append(";proto=").append(view.proto());
        if (!view.host().isEmpty()) {
            forwarded.append(";host=\"").append(view.host().replace("\"", "")).append('"');
        }
        headers.set("Forwarded", forwarded.toString());
    }

    private boolean isTrusted(String peer) {
        if (trusted.isEmpty()) {
            return false;
        }
        byte[] address;
        try {
            address = literal(peer);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return trusted.stream().anyMatch(block -> block.contains(address));
    }

    /** An IPv6 address is quoted and bracketed in Forwarded (RFC 7239 §6). */
    private static String node(String address) {
        return address.contains(":") ? "\"[" + address + "]\"" : address;
    }

    private static byte[] literal(String address) {
        if (!address.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("Not an IP address: " + address);
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address: " + address, e);
        }
    }
}
