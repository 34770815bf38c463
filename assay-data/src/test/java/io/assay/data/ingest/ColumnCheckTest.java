package io.assay.data.ingest;

import io.assay.core.data.PrivacyClass;
import io.assay.data.contract.ColumnType;
import io.assay.data.contract.ContractColumn;
import io.assay.data.contract.Pseudonymisation;
import io.assay.data.privacy.PseudonymKey;
import io.assay.data.privacy.Pseudonymiser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnCheckTest {
    private static final Pseudonymiser PSEUDONYMISER = new Pseudonymiser(PseudonymKey.of(new byte[32]));

    /** Amounts are stored in one canonical spelling, however the bank wrote them ("+007.5" is "7.50"). */
    @Property(tries = 3000)
    void stores_every_valid_decimal_in_its_canonical_spelling(@ForAll("decimals") String raw) {
        ColumnCheck amount = check(column("amount", ColumnType.DECIMAL, Set.of(), Optional.empty(), false, Pseudonymisation.KEEP));

        Object stored = amount.check(2, raw);

        assertThat(stored).as(raw).isEqualTo(new BigDecimal(raw).setScale(2).toPlainString());
    }

    @Test
    void a_negative_zero_is_stored_as_zero() {
        ColumnCheck amount = check(column("amount", ColumnType.DECIMAL, Set.of(), Optional.empty(), false, Pseudonymisation.KEEP));

        assertThat(amount.check(2, "-0.00")).isEqualTo("0.00");
        assertThat(amount.check(2, "-00.50")).isEqualTo("-0.50");
    }

    @Test
    void only_columns_whose_stored_text_cannot_hold_a_comma_quote_or_line_break_skip_csv_quoting() {
        assertThat(ColumnCheck.storesPlainText(column("id", ColumnType.STRING, Set.of(), Optional.of("C[0-9]{8}"), false,
                Pseudonymisation.KEEP))).isTrue();
        assertThat(ColumnCheck.storesPlainText(column("customer", ColumnType.STRING, Set.of(), Optional.empty(), false,
                Pseudonymisation.TOKENISE))).isTrue();
        assertThat(ColumnCheck.storesPlainText(column("code", ColumnType.CODE, Set.of("A", "B"), Optional.empty(), false,
                Pseudonymisation.KEEP))).isTrue();

        assertThat(ColumnCheck.storesPlainText(column("code", ColumnType.CODE, Set.of("A", "B,C"), Optional.empty(), false,
                Pseudonymisation.KEEP))).isFalse();
        assertThat(ColumnCheck.storesPlainText(column("note", ColumnType.STRING, Set.of(), Optional.of("[a-z,]{3}"), false,
                Pseudonymisation.KEEP))).isFalse();
        assertThat(ColumnCheck.storesPlainText(column("note", ColumnType.STRING, Set.of(), Optional.of("(a|b),c"), false,
                Pseudonymisation.KEEP))).isFalse();
        assertThat(ColumnCheck.storesPlainText(column("description", ColumnType.STRING, Set.of(), Optional.empty(), true,
                Pseudonymisation.KEEP))).isFalse();
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> sign = Arbitraries.of("", "-", "+");
        Arbitrary<String> whole = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(2);
        return Combinators.combine(sign, whole, fraction)
                .as((s, w, f) -> s + w + (f.isEmpty() && w.length() % 2 == 0 ? "" : "." + f))
                .filter(raw -> !raw.endsWith("."));
    }

    private static ColumnCheck check(ContractColumn column) {
        return new ColumnCheck(column, LocalDate.of(2026, 11, 27), PSEUDONYMISER, new IdentifierScanner());
    }

    private static ContractColumn column(String name, ColumnType type, Set<String> codes, Optional<String> pattern,
                                         boolean freeText, Pseudonymisation pseudonymisation) {
        return new ContractColumn(name, type, true, PrivacyClass.PLAIN, pseudonymisation,
                pseudonymisation == Pseudonymisation.TOKENISE ? Optional.of("customer") : Optional.empty(),
                type == ColumnType.DECIMAL ? 2 : 0, Optional.empty(), Optional.empty(), codes, pattern.map(Pattern::compile),
                500, freeText, false);
    }
}
