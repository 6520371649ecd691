package io.fanzha.outreach.evidence;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Breaks the connection of the second part of a multipart upload as often as a test asks, the way a weak network
 * does, and counts the attempts at each part; at rest it lets everything through.
 */
public class FlakyParts implements ExecutionInterceptor {

    static final AtomicInteger FAILURES = new AtomicInteger();
    static final List<Integer> ATTEMPTS = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof UploadPartRequest part) {
            ATTEMPTS.add(part.partNumber());
            if (part.partNumber() == 2 && FAILURES.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw SdkClientException.create("Part 2 lost on the way (FlakyParts)",
                        new IOException("Connection reset"));
            }
        }
    }
}
