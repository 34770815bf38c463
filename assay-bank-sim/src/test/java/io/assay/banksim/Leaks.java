package io.assay.banksim;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent leak scanner for free text, written like a bank's data pipeline would write
 * one (e-mail pattern, IBAN pattern with mod-97 check, phone pattern), to check the bad rows
 * from the outside rather than trusting the simulator's own bookkeeping.
 */
final class Leaks {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}\\b");
    private static final Pattern PHONE = Pattern.compile("(?:\\+|\\b00|\\b0)[1-9](?:[ -]?[0-9]){7,12}\\b");

    private Leaks() {
    }

    /** The kind of identifier found in the text, checked in the order e-mail, IBAN, phone; empty if none. */
    static Optional<BadRowKind> find(String text) {
        if (EMAIL.matcher(text).find()) {
            return Optional.of(BadRowKind.LEAKED_EMAIL);
        }
        Matcher iban = IBAN.matcher(text);
        while (iban.find()) {
            if (isValidIban(iban.group().replace(" ", ""))) {
                return Optional.of(BadRowKind.LEAKED_IBAN);
            }
        }
        if (PHONE.matcher(text).find()) {
            return Optional.of(BadRowKind.LEAKED_PHONE);
        }
        return Optional.empty();
    }

    /** ISO 13616: move the first four characters to the end, letters to numbers, and the result mod 97 is 1. */
    static boolean isValidIban(String iban) {
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
