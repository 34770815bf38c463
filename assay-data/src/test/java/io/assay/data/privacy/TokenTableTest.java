package io.assay.data.privacy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenTableTest {
    /**
     * Whatever is looked up, the table answers a value's own token or nothing, never another
     * value's: through growth, starting afresh when full, and values it does not pack.
     */
    @Property(tries = 40)
    void a_value_finds_its_own_token_or_none(@ForAll("values") List<String> values) {
        TokenTable table = new TokenTable(5_000);
        for (String value : values) {
            String found = table.get(value);
            if (found == null) {
                table.put(value, tokenOf(value));
                found = table.get(value);
            }
            assertThat(found).isEqualTo(tokenOf(value));
        }
    }

    @Property(tries = 20)
    void a_full_table_starts_afresh_and_keeps_answering_right(@ForAll("values") List<String> values) {
        TokenTable table = new TokenTable(16);
        for (int round = 0; round < 3; round++) {
            for (String value : values) {
                String found = table.get(value);
                assertThat(found == null || found.equals(tokenOf(value))).as(value).isTrue();
                table.put(value, tokenOf(value));
            }
        }
    }

    @Example
    void tens_of_thousands_of_customers_all_stay_found_as_the_table_grows() {
        TokenTable table = new TokenTable(100_000);
        for (int n = 0; n < 50_000; n++) {
            table.put(String.format("C%08d", n), tokenOf(String.format("C%08d", n)));
        }
        for (int n = 0; n < 50_000; n++) {
            assertThat(table.get(String.format("C%08d", n))).isEqualTo(tokenOf(String.format("C%08d", n)));
        }
        assertThat(table.get("C99999999")).isNull();
    }

    /** Ids that differ in one character or only in length, IBANs, long values, characters beyond Latin-1 and ones that differ only in their high bit. */
    @Provide
    Arbitrary<List<String>> values() {
        Arbitrary<String> ids = Arbitraries.integers().between(0, 20_000).map(n -> String.format("C%08d", n));
        Arbitrary<String> prefixes = Arbitraries.integers().between(0, 999).map(String::valueOf);
        Arbitrary<String> ibans = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofMinLength(15)
                .ofMaxLength(34).map(rest -> "NL" + rest);
        Arbitrary<String> longer = Arbitraries.strings().alpha().ofMinLength(41).ofMaxLength(60);
        Arbitrary<String> unicode = Arbitraries.strings().withCharRange('À', 'ʯ').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> zeros = Arbitraries.integers().between(1, 40).map(n -> "\u0000".repeat(n));
        Arbitrary<String> highBits = Arbitraries.strings().withChars('@', 'À', 'A', 'Á', 'ÿ', '\u007f').ofMinLength(1).ofMaxLength(9);
        return Arbitraries.oneOf(ids, prefixes, ibans, longer, unicode, zeros, highBits).list().ofMinSize(3_000).ofMaxSize(6_000);
    }

    private static String tokenOf(String value) {
        return "token:" + value;
    }
}
