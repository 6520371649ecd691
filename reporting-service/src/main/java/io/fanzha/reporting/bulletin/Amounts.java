package io.fanzha.reporting.bulletin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.fanzha.platform.money.Money;

/** How the bulletin's numbers and times are written: exact decimals for files, grouped digits for people. */
final class Amounts {

    /** Times are shown in China time, as the ledger shows them: the readers are county offices. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String NONE = "—";

    private Amounts() {
    }

    /** Two decimals, checked as money (not negative, no more than two decimals given). */
    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : Money.of(amount).amount();
    }

    /** One decimal; null stays null (no change can be given against a zero). */
    static BigDecimal percent(BigDecimal percent) {
        return percent == null ? null : percent.setScale(1, RoundingMode.HALF_UP);
    }

    /** 125,000.00 */
    static String moneyText(BigDecimal amount) {
        return amount == null ? NONE : format("#,##0.00").format(money(amount));
    }

    /** 1,230 */
    static String countText(long count) {
        return format("#,##0").format(count);
    }

    /** +12.5% or -25.0%, a dash when there is no change to give. */
    static String changeText(BigDecimal percent) {
        if (percent == null) {
            return NONE;
        }
        BigDecimal rounded = percent(percent);
        return (rounded.signum() > 0 ? "+" : "") + rounded.toPlainString() + "%";
    }

    /** 56.3% */
    static String percentText(BigDecimal percent) {
        return percent == null ? NONE : percent(percent).toPlainString() + "%";
    }

    /** 2024-02-07 10:15 in China time. */
    static String chinaTime(OffsetDateTime time) {
        return time.atZoneSameInstant(CHINA).format(MINUTES);
    }

    // DecimalFormat is not thread-safe: one per use, cheap next to a document.
    private static DecimalFormat format(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
