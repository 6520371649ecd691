package io.fanzha.casestats.report;

/** The natural key of a case report. */
public record ReportKey(String regionCode, String period, String category) {

    @Override
    public String toString() {
        return regionCode + "/" + period + "/" + category;
    }
}
