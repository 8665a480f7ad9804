package io.mensageria.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumberTest {

    @ParameterizedTest
    @CsvSource({
        "4111 1111 1111 1111, VISA",
        "5555-5555-5555-4444, MASTERCARD",
        "2223003122003222, MASTERCARD",
        "378282246310005, AMEX",
        "6362970000457013, ELO",
        "6011111111111117, OTHER"
    })
    void validNumbersAreAcceptedAndTheirBrandIsKnown(String number, CardBrand brand) {
        assertEquals(brand, CardNumber.parse(number).brand());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "1234567890123456", "4111 1111 1111 111a", "41111", ""})
    void invalidNumbersAreRefused(String number) {
        assertThrows(IllegalArgumentException.class, () -> CardNumber.parse(number));
    }

    @Test
    void onlyTheLastFourDigitsEverShow() {
        CardNumber number = CardNumber.parse("4111 1111 1111 1111");
        assertEquals("1111", number.last4());
        assertEquals("CardNumber[**** 1111]", number.toString());
        assertFalse(number.toString().contains("41111111"));
    }

    @Test
    void aCardIsValidThroughItsExpiryMonth() {
        CardExpiry expiry = new CardExpiry(11, 2026);
        assertFalse(expiry.isExpiredIn(YearMonth.of(2026, 11)));
        assertTrue(expiry.isExpiredIn(YearMonth.of(2026, 12)));
        assertThrows(IllegalArgumentException.class, () -> new CardExpiry(13, 2030));
        assertThrows(IllegalArgumentException.class, () -> new CardExpiry(1, 30));
    }
}
