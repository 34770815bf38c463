package io.assay.scoring.reasons;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reason catalogue file: the golden file of reason_format 1 must keep loading (when the
 * layout changes, raise ReasonCatalogue.FORMAT, keep reading 1, and check in a golden file of
 * the new format beside it), a catalogue writes back as what it read, and each mistake in a
 * file is refused with a message that names it.
 */
class ReasonCatalogueTest {
    private static final String WHERE = "reasons/overdraft-40d.json";
    private static final String GOOD = """
            {"reason_format": 1, "use_case": "overdraft-40d", "catalogue_version": 3,
             "reasons": [{"feature": "days_negative_30d", "code": "OD01",
                          "up": "balance below zero on {value} of the last 30 days",
                          "down": "balance rarely below zero in the last 30 days"}]}""";

    @Test
    void the_golden_file_of_format_1_still_loads() throws IOException {
        ReasonCatalogue catalogue = ReasonCatalogue.parse(golden(), "golden");

        assertThat(catalogue.useCase()).isEqualTo("overdraft-40d");
        assertThat(catalogue.catalogueVersion()).isEqualTo(3);
        assertThat(catalogue.reasons()).extracting(ReasonCatalogue.Entry::feature)
                .containsExactly("days_negative_30d", "balance_now", "salary_gap_days");
        assertThat(catalogue.entry("balance_now")).contains(new ReasonCatalogue.Entry("balance_now", "OD02",
                "a low balance today ({value})", "a healthy balance today ({value})"));
        assertThat(catalogue.entry("age")).isEmpty();
    }

    @Test
    void a_catalogue_writes_back_as_what_it_read() throws IOException {
        ReasonCatalogue catalogue = ReasonCatalogue.parse(golden(), "golden");

        assertThat(ReasonCatalogue.parse(catalogue.toJson(), "written")).isEqualTo(catalogue);
        assertThat(new String(catalogue.toJson(), StandardCharsets.UTF_8)).startsWith("{\n  \"reason_format\" : 1,");
    }

    @Test
    void the_fallback_is_version_0_and_says_each_feature_in_plain_words() {
        ReasonCatalogue fallback = ReasonCatalogue.fallback("overdraft-40d", List.of("balance_now", "age"));

        assertThat(fallback.catalogueVersion()).isZero();
        assertThat(fallback.reasons()).containsExactly(
                new ReasonCatalogue.Entry("balance_now", "GEN", "balance_now raised the score", "balance_now lowered the score"),
                new ReasonCatalogue.Entry("age", "GEN", "age raised the score", "age lowered the score"));
    }

    @Test
    void a_catalogue_naming_a_feature_the_model_does_not_take_is_refused_when_paired_with_it() {
        ReasonCatalogue catalogue = ReasonCatalogue.parse(bytes(GOOD), WHERE);

        assertThat(catalogue.requireFeaturesOf(List.of("days_negative_30d", "age"))).isSameAs(catalogue);
        assertThatThrownBy(() -> catalogue.requireFeaturesOf(List.of("days_negative_7d")))
                .hasMessage("reason catalogue overdraft-40d version 3 names feature days_negative_30d, which the model does not take");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "unknown format|\"reason_format\": 1|\"reason_format\": 2|" + WHERE + " has reason_format 2; this Assay reads reason_format 1",
            "format as text|\"reason_format\": 1|\"reason_format\": \"1\"|" + WHERE + " has reason_format '\"1\"', not a whole number",
            "no format|\"reason_format\": 1,||" + WHERE + " has no reason_format",
            "unknown field|\"catalogue_version\": 3|\"catalogue_version\": 3, \"owner\": \"risk\"|" + WHERE
                    + " has an unknown field 'owner'; a catalogue has reason_format, use_case, catalogue_version, reasons",
            "unknown reason field|\"code\": \"OD01\"|\"code\": \"OD01\", \"severity\": 2|" + WHERE
                    + " reason 1 (days_negative_30d) has an unknown field 'severity'; a reason has feature, code, up, down",
            "version 0|\"catalogue_version\": 3|\"catalogue_version\": 0|" + WHERE
                    + " has catalogue_version 0; a declared catalogue is numbered from 1 (0 is the generic fallback)",
            "bad use case|\"overdraft-40d\"|\"Overdraft 40d\"|" + WHERE + ": use case name 'Overdraft 40d' is not valid: use 2 to 63 "
                    + "lower-case letters, digits and '-', starting with a letter",
            "lower-case code|\"OD01\"|\"od01\"|" + WHERE + " reason 1: the reason for days_negative_30d has code 'od01'; a code is 2 to 16 "
                    + "capital letters, digits, '_' or '-', starting with a letter",
            "code with a space|\"OD01\"|\"OD 01\"|" + WHERE + " reason 1: the reason for days_negative_30d has code 'OD 01'; a code is 2 to 16 "
                    + "capital letters, digits, '_' or '-', starting with a letter",
            "reserved code|\"OD01\"|\"GEN\"|" + WHERE + ": the reason for days_negative_30d has code GEN, which is kept for features no "
                    + "catalogue names",
            "blank up text|\"balance below zero on {value} of the last 30 days\"|\"  \"|" + WHERE
                    + " reason 1: the 'up' text of the reason for days_negative_30d is required",
            "unknown placeholder|{value} of the last|{days} of the last|" + WHERE + " reason 1: the 'up' text of the reason for "
                    + "days_negative_30d has a brace that is not {value}, the one placeholder: 'balance below zero on {days} of the last 30 days'",
            "not JSON|\"reasons\": [|\"reasons\": [[|" + WHERE + " is not valid JSON at line 4, column 72: Unexpected close marker "
                    + "'}': expected ']'",
            "cut short|}]}|}|" + WHERE + " is not valid JSON at line 4, column 71: Unexpected end-of-input: expected close marker for "
                    + "Array",
            "duplicate key|\"catalogue_version\": 3|\"catalogue_version\": 3, \"catalogue_version\": 4|" + WHERE
                    + " is not valid JSON at line 1, column 94: Duplicate field 'catalogue_version'"})
    void a_mistake_in_a_file_is_refused_by_name(String mistake, String good, String bad, String message) {
        String edited = GOOD.replace(good, bad == null ? "" : bad);
        assertThat(edited).as("the edit applies").isNotEqualTo(GOOD);

        assertThatThrownBy(() -> ReasonCatalogue.parse(bytes(edited), WHERE)).isInstanceOf(AssayException.class).hasMessage(message)
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void a_reason_without_a_text_is_refused() {
        String noDown = GOOD.replaceAll(",\\s*\"down\": \"[^\"]*\"", "");
        assertThat(noDown).isNotEqualTo(GOOD);

        assertThatThrownBy(() -> ReasonCatalogue.parse(bytes(noDown), WHERE)).hasMessage(WHERE + " reason 1 (days_negative_30d) has no down");
    }

    @Test
    void a_catalogue_with_no_reasons_is_refused() {
        String empty = GOOD.substring(0, GOOD.indexOf('[')) + "[]}";

        assertThatThrownBy(() -> ReasonCatalogue.parse(bytes(empty), WHERE)).hasMessage(WHERE + " has no reasons: list them as "
                + "[{feature, code, up, down}], or declare no catalogue to get the generic one");
    }

    @Test
    void a_feature_named_twice_is_refused() {
        String twice = GOOD.replace("}]}", "}, {\"feature\": \"days_negative_30d\", \"code\": \"OD02\", \"up\": \"u\", \"down\": \"d\"}]}");

        assertThatThrownBy(() -> ReasonCatalogue.parse(bytes(twice), WHERE))
                .hasMessage(WHERE + ": the catalogue names feature days_negative_30d twice");
    }

    @Test
    void an_empty_file_or_one_that_is_not_an_object_is_refused() {
        assertThatThrownBy(() -> ReasonCatalogue.parse(new byte[0], WHERE)).hasMessage(WHERE + " is empty");
        assertThatThrownBy(() -> ReasonCatalogue.parse(bytes("[1]"), WHERE))
                .hasMessage(WHERE + " is not a JSON object {reason_format, use_case, catalogue_version, reasons}");
    }

    private static byte[] golden() throws IOException {
        try (InputStream in = ReasonCatalogueTest.class.getResourceAsStream("/reasons/overdraft-40d-format-1.json")) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
