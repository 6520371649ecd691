package io.fanzha.outreach.sync;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;


import io.fanzha.platform.text.Text;

/**
 * A batch of records from one device. The records are read one by one, so that one that cannot be read is refused
 * alone; the document describes them rather than constrains them. A record that is not a JSON object makes the batch
 * unreadable.
 */
@Schema(description = "What a device sends when it has signal again: up to 500 records, new, resent or edited.",
        example = """
        {"deviceId": "android-5f2c9a", "records": [
          {"id": "7b0c2f7e-4c61-4f5e-9a4e-2f0d7d6b8a11", "kind": "DOOR_TO_DOOR", "occurredAt": "2024-01-15T10:30:00+08:00",
           "regionCode": "341825100201", "unitId": "0d6f3c1a-9b2e-4f71-a1c4-5e8d2b7f9a30", "targetGroup": "ELDERLY",
           "metrics": {"peopleReached": 3, "householdsReached": 1}, "household": {"ref": "HH-0042", "noticeSigned": true}}]}""")
public record SyncRequest(
        @Schema(description = "The app's installation, kept with each version", maxLength = 100)
        @NotNull @Size(max = 100) @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE) String deviceId,
        @Schema(description = "Each an OutreachRequest (the body of POST /api/v1/outreach); an object that is not "
                + "is REJECTED alone", minItems = 1, maxItems = SyncRequest.MAX_RECORDS)
        @NotNull @Size(min = 1, max = MAX_RECORDS) List<Map<String, Object>> records) {

    public static final int MAX_RECORDS = 500;
}
