package io.assay.banksim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

class IbanTest {

    @Property
    void every_generated_iban_passes_the_mod_97_check(@ForAll @LongRange(min = 0, max = 9_999_999_999L) long accountNumber) {
        for (Bank bank : Bank.values()) {
            String iban = Iban.format(bank, accountNumber);
            assertThat(iban).matches("NL\\d{2}[A-Z]{4}\\d{10}");
            assertThat(Leaks.isValidIban(iban)).as(iban).isTrue();
        }
    }

    @Property
    void distinct_accounts_get_distinct_account_numbers(@ForAll @LongRange(min = 0, max = 999_999_999) long first,
                                                         @ForAll @LongRange(min = 0, max = 999_999_999) long second) {
        if (first != second) {
            assertThat(Iban.accountNumber(first)).isNotEqualTo(Iban.accountNumber(second));
        }
        assertThat(Iban.accountNumber(first)).isBetween(0L, 9_999_999_999L);
    }

    @Property
    void a_changed_digit_fails_the_check(@ForAll @LongRange(min = 0, max = 9_999_999_998L) long accountNumber) {
        String iban = Iban.format(Bank.ASSAY, accountNumber);
        String altered = iban.substring(0, 8) + Iban.format(Bank.ASSAY, accountNumber + 1).substring(8);
        assertThat(Leaks.isValidIban(altered)).isFalse();
    }
}
