package io.mensageria.cards;

import java.util.Objects;

/**
 * A full card number, held only on its way to the payment gateway's tokenize call: it is never stored,
 * logged or published, and {@link #toString()} shows only the last four digits.
 */
public final class CardNumber {

    private final String digits;

    private CardNumber(String digits) {
        this.digits = digits;
    }

    /** Accepts digits with optional spaces or dashes between groups; refuses anything failing the Luhn check. */
    public static CardNumber parse(String text) {
        Objects.requireNonNull(text, "number");
        String digits = text.replaceAll("[ -]", "");
        if (!digits.matches("\\d{12,19}")) {
            throw new IllegalArgumentException("must be 12 to 19 digits");
        }
        if (!passesLuhn(digits)) {
            throw new IllegalArgumentException("is not a valid card number (check digit)");
        }
        return new CardNumber(digits);
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    public CardBrand brand() {
        return CardBrand.of(digits);
    }

    public String last4() {
        return digits.substring(digits.length() - 4);
    }

    /** The digits themselves, for the gateway's tokenize call only. */
    public String digits() {
        return digits;
    }

    @Override
    public String toString() {
        return "CardNumber[**** " + last4() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }
}
