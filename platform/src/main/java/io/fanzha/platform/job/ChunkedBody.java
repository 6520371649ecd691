package io.fanzha.platform.job;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

/** A stored body read back one chunk at a time, so that a worker never holds a whole file. */
final class ChunkedBody extends InputStream {

    private final DataSource dataSource;
    private final UUID job;
    private int next;
    private ByteArrayInputStream chunk = new ByteArrayInputStream(new byte[0]);
    private boolean exhausted;

    ChunkedBody(DataSource dataSource, UUID job) {
        this.dataSource = dataSource;
        this.job = job;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (!exhausted) {
            int read = chunk.read(buffer, offset, length);
            if (read > 0) {
                return read;
            }
            chunk = nextChunk();
        }
        return -1;
    }

    private ByteArrayInputStream nextChunk() {
        // Within the job's transaction this is the connection the import uses: the chunks read are those committed
        // with the job.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select data from import_job_chunk where job_id = ? and seq = ?")) {
            query.setObject(1, job);
            query.setInt(2, next++);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    exhausted = true;
                    return new ByteArrayInputStream(new byte[0]);
                }
                return new ByteArrayInputStream(result.getBytes(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Chunk " + (next - 1) + " of import job " + job + " could not be read", e);
        }
    }
}
