package io.mensageria.persistence.boundary;

/**
 * Text made fit for a column: without NUL (which PostgreSQL refuses in any text) and cut to the
 * column's length. For values the application did not choose, such as what a client sent that then
 * ends up in a log line or a span name, where one value must never fail the batch it is written with.
 */
public final class StorableText {

    private StorableText() {}

    public static String of(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String text = value.indexOf('\u0000') < 0 ? value : value.replace("\u0000", "");
        if (text.length() <= maxLength) {
            return text;
        }
        // Never cut a surrogate pair in two: half a character is not valid UTF-8.
        int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return text.substring(0, end);
    }
}
