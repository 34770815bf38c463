package io.assay.banksim;

import java.nio.charset.StandardCharsets;

/**
 * Dutch-style IBANs, {@code NLkk BBBB nnnnnnnnnn}, with ISO 13616 check digits, so that a
 * pipeline's mod-97 check (and a leak scanner that relies on it) sees real-looking numbers.
 */
final class Iban {
    private static final long TEN_DIGITS = 10_000_000_000L;
    /** "NL00" moved to the end and turned into digits: N=23, L=21, then the two zero check digits. */
    private static final int COUNTRY_DIGITS = 232_100;

    private Iban() {
    }

    /** The check digits (2..98) for a bank and an account number of at most 10 digits. */
    static int checkDigits(Bank bank, long accountNumber) {
        long remainder = bank.codeRemainder;
        remainder = (remainder * TEN_DIGITS + accountNumber) % 97;
        remainder = (remainder * 1_000_000 + COUNTRY_DIGITS) % 97;
        return (int) (98 - remainder);
    }

    /** Writes the 18 characters into {@code buffer} at {@code position}; returns the position after them. */
    static int write(byte[] buffer, int position, Bank bank, long accountNumber) {
        int check = checkDigits(bank, accountNumber);
        buffer[position++] = 'N';
        buffer[position++] = 'L';
        buffer[position++] = (byte) ('0' + check / 10);
        buffer[position++] = (byte) ('0' + check % 10);
        System.arraycopy(bank.code, 0, buffer, position, 4);
        position += 4;
        long value = accountNumber;
        for (int i = position + 9; i >= position; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return position + 10;
    }

    static String format(Bank bank, long accountNumber) {
        byte[] text = new byte[18];
        write(text, 0, bank, accountNumber);
        return new String(text, StandardCharsets.US_ASCII);
    }

    /**
     * A 10-digit account number that looks arbitrary but is unique per key: an affine map modulo
     * 10^10 with a multiplier coprime to 10 is a bijection.
     */
    static long accountNumber(long key) {
        return Math.floorMod(key * 7_919_393_771L + 1_234_567_891L, TEN_DIGITS);
    }
}
