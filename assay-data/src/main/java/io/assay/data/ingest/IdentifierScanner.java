package io.assay.data.ingest;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds raw direct identifiers (IBAN, e-mail address, phone number) in free text, which must
 * never reach a snapshot. A cheap character scan decides first whether a regular expression
 * is worth running, since nearly every description holds none.
 */
final class IdentifierScanner {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}\\b");
    private static final Pattern PHONE = Pattern.compile("(?:\\+|\\b00|\\b0)[1-9](?:[ -]?[0-9]){7,12}\\b");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    /** The kind of identifier found, or empty. */
    Optional<String> scan(String text) {
        boolean hasAt = false;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@') {
                hasAt = true;
            } else if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        if (hasAt && EMAIL.matcher(text).find()) {
            return Optional.of("an e-mail address");
        }
        if (digits >= 8) {
            Matcher iban = IBAN.matcher(text);
            while (iban.find()) {
                if (isValidIban(iban.group().replace(" ", ""))) {
                    return Optional.of("an IBAN");
                }
            }
            if (PHONE.matcher(text).find()) {
                return Optional.of("a phone number");
            }
        }
        return Optional.empty();
    }

    /** ISO 13616 mod-97 check, so that a reference number that merely looks like an IBAN passes. */
    static boolean isValidIban(String iban) {
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
