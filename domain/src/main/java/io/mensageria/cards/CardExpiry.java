package io.mensageria.cards;

import java.time.YearMonth;

/** A card's expiry month; a card is valid through the last day of that month. */
public record CardExpiry(int month, int year) {

    public CardExpiry {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("expiryMonth must be 1 to 12");
        }
        if (year < 2000 || year > 2999) {
            throw new IllegalArgumentException("expiryYear must be a four-digit year");
        }
    }

    public boolean isExpiredIn(YearMonth current) {
        return YearMonth.of(year, month).isBefore(current);
    }
}
