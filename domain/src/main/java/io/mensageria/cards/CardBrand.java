package io.mensageria.cards;

/** The card networks the platform accepts, told apart by the number's leading digits (IIN ranges). */
public enum CardBrand {
    VISA,
    MASTERCARD,
    AMEX,
    ELO,
    OTHER;

    private static final String[] ELO_PREFIXES = {
        "401178", "401179", "431274", "438935", "451416", "457393", "457631", "457632", "504175", "506699", "5067",
        "509", "627780", "636297", "636368", "6500", "6504", "6505", "6507", "6509", "6516", "6550"
    };

    static CardBrand of(String digits) {
        // Elo first: some of its ranges sit inside Visa's and Mastercard's.
        for (String prefix : ELO_PREFIXES) {
            if (digits.startsWith(prefix)) {
                return ELO;
            }
        }
        if (digits.startsWith("4")) {
            return VISA;
        }
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return MASTERCARD;
        }
        if (two == 34 || two == 37) {
            return AMEX;
        }
        return OTHER;
    }
}
