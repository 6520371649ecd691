package io.fanzha.platform.job;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.fanzha.platform.bulk.BulkAnswer;
import io.fanzha.platform.problem.Problem;

/** An import job as its submitter sees it: how far it has come, then its answer or its problem. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImportJob", description = "A large bulk request taken as a job. QUEUED: stored, waiting; RUNNING: being "
        + "imported (rowsRead grows); DONE: answer is what the request would have answered; FAILED: problem says why, "
        + "and nothing was stored. startedAt, finishedAt, answer and problem are left out until they are known.",
        // Fields still unknown are left out, not null: only these are always there.
        requiredProperties = { "id", "status", "mediaType", "size", "parameters", "submittedBy", "submittedAt", "attempts",
            "rowsRead" }, example = """
        {"id": "5b0f6a8e-4e0b-4c1e-9a57-0d3c1f2b7a10", "status": "DONE", "mediaType": "text/csv", "size": 4312876,
         "parameters": {"importStrategy": "CREATE_AND_UPDATE", "dryRun": "false", "atomic": "false"},
         "submittedBy": "agency-county-police", "submittedAt": "2024-02-05T08:00:00Z",
         "startedAt": "2024-02-05T08:00:01Z", "finishedAt": "2024-02-05T08:00:13Z", "attempts": 1, "rowsRead": 99840,
         "answer": {"status": "SUCCESS", "imported": 99840, "updated": 0, "ignored": 0, "deleted": 0,
                    "conflictCount": 0, "conflicts": [], "warnings": []}}""")
public record ImportJobResponse(
        UUID id,
        ImportJob.Status status,
        String mediaType,
        @Schema(description = "Bytes of the body") long size,
        @Schema(description = "The query parameters it was sent with") Map<String, String> parameters,
        String submittedBy,
        OffsetDateTime submittedAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @Schema(description = "Workers that took it up; more than one means a worker stopped while importing it, "
                + "and the next started again from the first row, nothing of the stopped run being stored") int attempts,
        @Schema(description = "Rows read so far (written every few thousand rows)") long rowsRead,
        @Schema(description = "When DONE: the answer of the import") BulkAnswer answer,
        @Schema(description = "When FAILED: why nothing was stored") Problem problem) {

    public static ImportJobResponse of(ImportJob job) {
        return new ImportJobResponse(job.id, job.status, job.mediaType, job.size, job.parameters, job.submittedBy,
                job.submittedAt, job.startedAt, job.finishedAt, job.attempts, job.rowsRead, job.answer, job.problem);
    }
}
