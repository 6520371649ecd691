package io.fanzha.gateway.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

class ForwardingTest {

    static final MultiMap FROM_A_PROXY = MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-For", "203.0.113.9")
            .add("X-Forwarded-Proto", "https").add("X-Forwarded-Host", "api.fanzha.example");

    final Forwarding forwarding = new Forwarding(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

    @Test
    void aTrustedProxysHeadersAreBelievedAndItsAddressJoinsTheChain() {
        Forwarding.View view = forwarding.of("10.1.2.3", "http", "gateway:8080", FROM_A_PROXY);
        assertEquals(new Forwarding.View("203.0.113.9, 10.1.2.3", "https", "api.fanzha.example"), view);
        assertEquals("https://api.fanzha.example", view.base());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Forwarding.apply(view, headers);
        assertEquals("for=203.0.113.9, for=10.1.2.3;proto=https;host=\"api.fanzha.example\"", headers.get("Forwarded"));
        assertEquals("203.0.113.9, 10.1.2.3", headers.get("X-Forwarded-For"));
        // A single trusted address, and an IPv6 block.
        assertEquals("203.0.113.9, 192.168.1.7", forwarding.of("192.168.1.7", "http", "g", FROM_A_PROXY).forwardedFor());
        assertEquals("https", forwarding.of("fd00::1", "http", "g", FROM_A_PROXY).proto());
    }

    @Test
    void anyoneElsesAreIgnored() {
        for (String peer : List.of("11.1.2.3", "192.168.1.8", "fe80::1", "127.0.0.1")) {
            Forwarding.View view = forwarding.of(peer, "http", "gateway:8080", FROM_A_PROXY);
            assertEquals(new Forwarding.View(peer, "http", "gateway:8080"), view, peer);
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Forwarding.apply(forwarding.of("2001:db8::5", "http", "gateway:8080", FROM_A_PROXY), headers);
        assertEquals("for=\"[2001:db8::5]\";proto=http;host=\"gateway:8080\"", headers.get("Forwarded"));
    }

    @Test
    void aTrustedProxyThatIsNoAddressFailsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> new Forwarding(List.of("proxy.example")));
    }
}
