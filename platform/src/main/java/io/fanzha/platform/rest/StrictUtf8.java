package io.fanzha.platform.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * JSON bodies must be well-formed UTF-8. Jackson decodes UTF-8 itself and lets an overlong sequence through
 * ({@code C0 AF} becomes {@code /}), which would store a character the client never sent; the JDK's decoder
 * refuses every malformed form. The body streams through unchanged and is never held whole.
 */
@Provider
public class StrictUtf8 implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            context.setInputStream(new CheckedStream(context.getInputStream()));
        }
        return context.proceed();
    }

    /** The malformed input, as an I/O failure of reading the body: answered 400 request.malformed. */
    public static final class MalformedUtf8Exception extends CharacterCodingException {

        @Override
        public String getMessage() {
            return "The request body is not well-formed UTF-8.";
        }
    }

    private static final class CheckedStream extends FilterInputStream {

        private static final int CHUNK = 8192;

        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Holds the bytes of a sequence cut between two reads until the rest arrives.
        private final ByteBuffer pending = ByteBuffer.allocate(CHUNK + 8);
        private final CharBuffer discarded = CharBuffer.allocate(CHUNK + 8);

        CheckedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                check(new byte[0], 0, 0, true);
            } else {
                check(new byte[] { (byte) b }, 0, 1, false);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = super.read(bytes, offset, length);
            check(bytes, offset, Math.max(read, 0), read < 0);
            return read;
        }

        private void check(byte[] bytes, int offset, int length, boolean end) throws IOException {
            int done = 0;
            do {
                int slice = Math.min(CHUNK, length - done);
                pending.put(bytes, offset + done, slice);
                done += slice;
                pending.flip();
                decode(end && done == length);
                pending.compact();
            } while (done < length);
        }

        private void decode(boolean end) throws IOException {
            CoderResult result;
            do {
                discarded.clear();
                result = decoder.decode(pending, discarded, end);
                if (result.isError()) {
                    throw new MalformedUtf8Exception();
                }
            } while (result.isOverflow());
            if (end && pending.hasRemaining()) {
                throw new MalformedUtf8Exception();
            }
        }
    }
}
