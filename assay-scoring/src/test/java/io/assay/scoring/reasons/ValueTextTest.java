package io.assay.scoring.reasons;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How a feature's value reads in a reason's text. */
class ValueTextTest {
    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource({
            "12, 12",
            "-340, -340",
            "0, 0",
            "-0.0, 0",
            "1e10, 10000000000",
            "0.1, 0.1",
            "2.5, 2.5",
            "0.125, 0.125",
            "0.12345, 0.123",
            "1234.5678, 1234.568",
            "-3.14159, -3.142",
            "12.9996, 13",
            "0.0001234, 0.000123",
            "NaN, missing",
            "Infinity, infinity",
            "-Infinity, -infinity"})
    void a_value_reads_as_a_person_would_write_it(float value, String text) {
        assertThat(ValueText.of(value)).isEqualTo(text);
    }
}
