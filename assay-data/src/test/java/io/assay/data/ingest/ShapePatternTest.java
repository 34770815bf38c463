package io.assay.data.ingest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ShapePatternTest {
    private static final List<String> CONTRACT_PATTERNS = List.of("C[0-9]{8}", "A[0-9]{9}", "T[0-9]{12}", "P[0-9]{10}",
            "E[0-9]{12}", "[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}");

    @Test
    void every_pattern_of_the_shipped_contracts_gets_the_fast_matcher_and_others_do_not() {
        CONTRACT_PATTERNS.forEach(pattern -> assertThat(ShapePattern.compile(pattern)).as(pattern).isPresent());
        assertThat(ShapePattern.compile("(a|b)+")).isEmpty();
        assertThat(ShapePattern.compile("[^0-9]{2}")).isEmpty();
        assertThat(ShapePattern.compile("a.*")).isEmpty();
    }

    /** The fast matcher answers exactly as java.util.regex does, on near-misses as on hits. */
    @Property(tries = 3000)
    void answers_like_the_regex_engine(@ForAll("patterns") String pattern, @ForAll("candidates") String value) {
        assertThat(ShapePattern.compile(pattern).orElseThrow().matches(value))
                .as("%s on %s", pattern, value)
                .isEqualTo(Pattern.compile(pattern).matcher(value).matches());
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.of(CONTRACT_PATTERNS);
    }

    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<String> shaped = Arbitraries.of("C", "A", "T", "P", "E", "NL", "NL91", "X")
                .flatMap(prefix -> Arbitraries.strings().withChars("0123456789ABNZ").ofMinLength(0).ofMaxLength(34)
                        .map(rest -> prefix + rest));
        return Arbitraries.oneOf(shaped, Arbitraries.strings().ofMaxLength(20));
    }
}
