package io.fanzha.platform.rest;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Conditional reads for every JSON answer to a GET (docs/api.md, "Lists"): the answer carries an {@code ETag}, the
 * hash of the very bytes sent, and a request whose {@code If-None-Match} names it gets {@code 304 Not Modified}
 * without a body. A phone that refreshes its cached units every few minutes so pays for the query but not for the
 * transfer. The tag is computed from what this caller would receive, so a viewer's answer (without phone numbers)
 * and an admin's never share one.
 */
public class ConditionalGet {

    /** An entity tag, weak or strong: its quoted part is group 1. */
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?(\"[^\"]*\")");

    @Inject
    ObjectMapper json;

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200 || !isJsonValue(response)) {
            return;
        }
        byte[] body = json.writeValueAsBytes(response.getEntity());
        String tag = tagOf(body);
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        } else {
            // The bytes hashed are the bytes sent: the answer is not serialized twice.
            response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
        }
    }

    private static boolean isJsonValue(ContainerResponseContext response) {
        Object entity = response.getEntity();
        MediaType type = response.getMediaType();
        return entity != null && type != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
                && !(entity instanceof byte[] || entity instanceof InputStream || entity instanceof StreamingOutput
                        || entity instanceof CharSequence);
    }

    private static String tagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * RFC 9110 §13.1.2: {@code *} or a list of entity tags, compared weakly (a {@code W/} prefix is ignored). Tags are
     * read whole between their quotes, so a comma inside another server's tag does not split it.
     */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        Matcher tags = ENTITY_TAG.matcher(ifNoneMatch);
        while (tags.find()) {
            if (tags.group(1).equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
