package io.fanzha.platform.time;

import java.time.LocalDate;
import java.time.ZoneId;

/** Calendar days as the people who use Fanzha count them: mainland China keeps one time zone. */
public final class Days {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Days() {
    }

    /** Today in China, whatever the server's own time zone. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
