package io.fanzha.platform.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of money in CNY (docs/api.md, "Conventions"): not negative, at most two decimals, below 10^16, stored as
 * {@code NUMERIC(18,2)}. Read from a JSON string ({@code "125000.5"}) or number ({@code 125000.5}, read exactly, never
 * through a double), always written as a string with two decimals ({@code "125000.50"}).
 */
public final class Money implements Comparable<Money> {

    /** The string form: digits, optionally a point and one or two decimals. */
    public static final String PATTERN = "^[0-9]{1,16}(\\.[0-9]{1,2})?$";
    public static final String MESSAGE = "must be an amount in CNY from 0 to below 10^16 with at most two decimals, "
            + "such as \"125000.50\" or 125000.5";
    private static final Pattern TEXT = Pattern.compile(PATTERN);
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(16);

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** From JSON: a string or an exact number (the shared mapper reads untyped decimals as BigDecimal). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Money of(Object value) {
        if (value instanceof String text) {
            return parse(text);
        }
        if (value instanceof BigDecimal decimal) {
            return of(decimal);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return of(new BigDecimal(value.toString()));
        }
        throw new IllegalArgumentException(MESSAGE);
    }

    public static Money parse(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException(MESSAGE);
        }
        return new Money(new BigDecimal(text));
    }

    public static Money of(BigDecimal amount) {
        if (amount.signum() < 0 || amount.compareTo(LIMIT) >= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(MESSAGE);
        }
        return new Money(amount);
    }

    public BigDecimal amount() {
        return amount;
    }

    @JsonValue
    @Override
    public String toString() {
        return amount.toPlainString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money money && amount.equals(money.amount);
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }
}
