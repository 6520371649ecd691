package io.fanzha.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Test configuration decided before the gateway boots: a fresh RSA key pair (the public half is
 * what quarkus-oidc verifies tokens with, the private half is what {@code Jwt.sign()} signs them
 * with; no key is kept in the repository) and one free port for each stand-in service.
 */
public class GatewayTestResources implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KeyPair keys = rsaKeyPair();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc.public-key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        config.put("smallrye.jwt.sign.key", "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        for (String service : FakeServices.NAMES) {
            config.put("fanzha.gateway.services." + service, "http://127.0.0.1:" + freePort());
        }
        return config;
    }

    @Override
    public void stop() {
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
