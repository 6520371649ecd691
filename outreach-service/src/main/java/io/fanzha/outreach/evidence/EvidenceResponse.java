package io.fanzha.outreach.evidence;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Evidence", description = "A file of an outreach record", example = """
        {"recordId": "7b0c2f7e-4c61-4f5e-9a4e-2f0d7d6b8a11", "name": "notice.jpg",
         "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "size": 482113,
         "contentType": "image/jpeg", "uploadedBy": "field-worker", "uploadedAt": "2024-01-15T11:02:00+08:00",
         "missingOnRecord": 1}""",
        requiredProperties = { "recordId", "name", "sha256", "size", "contentType", "uploadedBy", "uploadedAt" })
public record EvidenceResponse(UUID recordId, String name,
        @Schema(description = "Lower-case hex of the file's SHA-256") String sha256,
        @Schema(description = "Bytes") long size,
        @Schema(description = "As sniffed from the bytes, not as the client said") String contentType,
        String uploadedBy, OffsetDateTime uploadedAt,
        @Schema(description = "In the answer to an upload: how many of the files its record said would follow "
                + "(evidenceExpected) are still missing; left out when the record said none") Integer missingOnRecord) {

    static EvidenceResponse of(Evidence evidence) {
        return of(evidence, null);
    }

    static EvidenceResponse of(Evidence evidence, Integer missingOnRecord) {
        return new EvidenceResponse(evidence.recordId, evidence.name, evidence.sha256, evidence.size,
                evidence.contentType, evidence.uploadedBy, evidence.uploadedAt, missingOnRecord);
    }
}
