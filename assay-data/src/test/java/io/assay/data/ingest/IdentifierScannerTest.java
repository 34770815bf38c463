package io.assay.data.ingest;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifierScannerTest {
    private final IdentifierScanner scanner = new IdentifierScanner();

    @Test
    void finds_a_raw_iban_an_email_and_a_phone_number_in_free_text() {
        assertThat(scanner.scan("refund to NL91ABNA0417164300 please")).contains("an IBAN");
        assertThat(scanner.scan("refund to NL91 ABNA 0417 1643 00 please")).contains("an IBAN");
        assertThat(scanner.scan("mail me at jan.jansen@example.nl")).contains("an e-mail address");
        assertThat(scanner.scan("call +31 6 12345678 after five")).contains("a phone number");
        assertThat(scanner.scan("bel 0612345678")).contains("a phone number");
    }

    @Test
    void leaves_ordinary_descriptions_alone() {
        assertThat(scanner.scan("Albert Heijn 1234 Utrecht")).isEmpty();
        assertThat(scanner.scan("Salary November ACME BV")).isEmpty();
        assertThat(scanner.scan("Card payment 2026-11-27 12:31")).isEmpty();
        assertThat(scanner.scan("@home decor")).isEmpty();
    }

    @Test
    void a_reference_number_shaped_like_an_iban_with_a_wrong_checksum_is_not_an_iban() {
        assertThat(IdentifierScanner.isValidIban("NL91ABNA0417164300")).isTrue();
        assertThat(IdentifierScanner.isValidIban("NL92ABNA0417164300")).isFalse();
    }

    /** Any Dutch IBAN built with a correct mod-97 check digit is recognised; changing one digit breaks it. */
    @Property(tries = 500)
    void every_iban_with_a_valid_check_digit_is_recognised_and_one_changed_digit_is_not(
            @ForAll @LongRange(min = 0, max = 9_999_999_999L) long account, @ForAll @IntRange(min = 0, max = 9) int position) {
        String bban = "ABNA" + String.format("%010d", account);
        String iban = "NL" + checkDigits("NL", bban) + bban;
        assertThat(IdentifierScanner.isValidIban(iban)).isTrue();
        assertThat(scanner.scan("transfer " + iban + " rent")).contains("an IBAN");
        char[] changed = iban.toCharArray();
        int index = 8 + position;
        changed[index] = (char) ('0' + (changed[index] - '0' + 1) % 10);
        assertThat(IdentifierScanner.isValidIban(new String(changed))).isFalse();
    }

    private static String checkDigits(String country, String bban) {
        StringBuilder digits = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format("%02d", check);
    }
}
