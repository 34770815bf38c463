package io.assay.data.features;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every bad definition or request gets an error that names the problem, and nothing is published. */
class FeatureBuildErrorsTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 5, 3);
    private static final List<LocalDate> AS_OFS = List.of(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2), AS_OF);
    private static final String EVERYONE = "SELECT customer_id, CAST(NULL AS VARCHAR) AS exclusion FROM customers";
    private static final String NEXT_DAY_BELOW_ZERO = "SELECT customer_id, bool_or(balance < 0) AS label FROM accounts_history "
            + "WHERE business_date > :as_of AND business_date <= :horizon_end GROUP BY ALL";

    @TempDir
    Path home;
    TinyBank bank;

    @BeforeEach
    void tinyBank() {
        bank = new TinyBank(home);
        bank.view("probe", "SELECT customer_id, CAST(min(balance) AS DOUBLE) AS lowest FROM accounts_history GROUP BY ALL",
                "lowest:DOUBLE");
    }

    @AfterEach
    void nothingWasPublished() {
        assertThat(bank.publishedFiles()).as("builds published").isZero();
    }

    @Test
    void an_unknown_view_or_use_case_is_named() {
        refused(() -> build("nope"), ErrorCode.NOT_FOUND, "no feature view 'nope'", "probe");
        refused(() -> trainset("nope", AS_OFS), ErrorCode.NOT_FOUND, "no label definition for use case 'nope'");
    }

    @Test
    void sql_that_does_not_parse_is_refused() {
        bank.view("broken", "SELEKT customer_id FROM accounts", "x:INTEGER");
        refused(() -> build("broken"), ErrorCode.INVALID_DEFINITION, "feature view broken", "does not parse");
    }

    @Test
    void an_output_that_does_not_match_the_declaration_is_refused_by_column() {
        bank.view("extra", "SELECT customer_id, 1 AS x, 2 AS y FROM customers", "x:INTEGER");
        refused(() -> build("extra"), ErrorCode.INVALID_DEFINITION, "not declared: y");
        bank.view("short", "SELECT customer_id, 1 AS x FROM customers", "x:INTEGER", "z:INTEGER");
        refused(() -> build("short"), ErrorCode.INVALID_DEFINITION, "does not return declared column(s): z");
        bank.view("typed", "SELECT customer_id, balance AS x FROM accounts", "x:DOUBLE");
        refused(() -> build("typed"), ErrorCode.INVALID_DEFINITION, "'x' as DECIMAL(18,2) but declares it DOUBLE", "CAST");
        bank.view("keyless", "SELECT 1 AS x FROM customers", "x:INTEGER");
        refused(() -> build("keyless"), ErrorCode.INVALID_DEFINITION, "no entity column 'customer_id'");
    }

    @Test
    void duplicate_entity_rows_nulls_where_none_may_be_and_infinities_are_refused() {
        bank.view("daily", "SELECT customer_id, CAST(balance AS DOUBLE) AS x FROM accounts_history", "x:DOUBLE");
        refused(() -> build("daily"), ErrorCode.INVALID_DEFINITION, "duplicate entity rows: 6 rows for 2 distinct customer_id");
        bank.view("holes", "SELECT customer_id, CAST(NULL AS DOUBLE) AS x FROM customers", "x:DOUBLE");
        refused(() -> build("holes"), ErrorCode.INVALID_DEFINITION, "2 null(s) in 'x'", "nullable: false");
        bank.view("infinite", "SELECT customer_id, 1.0 / 0.0 AS x FROM customers", "x:DOUBLE:true");
        refused(() -> build("infinite"), ErrorCode.INVALID_DEFINITION, "not finite");
        bank.view("empty", "SELECT customer_id, 1 AS x FROM customers WHERE false", "x:INTEGER");
        refused(() -> build("empty"), ErrorCode.INVALID_DEFINITION, "yields no rows");
    }

    @Test
    void an_as_of_in_the_future_or_before_the_first_snapshot_is_refused() {
        refused(() -> bank.data.features().build("dana", "probe", LocalDate.of(2026, 5, 6)), ErrorCode.INVALID_ARGUMENT,
                "as-of 2026-05-06 is not in the past");
        refused(() -> bank.data.features().build("dana", "probe", LocalDate.of(2026, 4, 30)), ErrorCode.INVALID_ARGUMENT,
                "before the first snapshot of table accounts (2026-05-01)");
    }

    @Test
    void a_user_without_a_live_grant_is_refused_and_the_refusal_is_logged() {
        refused(() -> bank.data.features().build("eve", "probe", AS_OF), ErrorCode.ACCESS_DENIED, "no live grant", "accounts");
        assertThat(bank.catalog.listReads(Optional.of("eve"))).singleElement()
                .satisfies(read -> assertThat(read.detail()).contains("feature build probe"));
        refused(() -> bank.data.features().build("aud", "probe", AS_OF), ErrorCode.ROLE_REQUIRED, "may not query");
    }

    @Test
    void a_label_whose_horizon_has_not_passed_is_refused_with_the_rows_it_would_leave_out() {
        bank.label("slow", 3, NEXT_DAY_BELOW_ZERO, EVERYONE, "probe");
        refused(() -> trainset("slow", AS_OFS), ErrorCode.NOT_MATURE, "2 row(s) left out as immature",
                "2026-05-03 (2 rows; matures on 2026-05-06)", "use as-ofs up to 2026-05-02");
    }

    @Test
    void an_empty_population_a_single_class_label_and_too_few_as_ofs_are_refused() {
        bank.label("nobody", 1, NEXT_DAY_BELOW_ZERO, "SELECT customer_id, 'too_rich' AS exclusion FROM customers", "probe");
        refused(() -> trainset("nobody", AS_OFS), ErrorCode.INVALID_ARGUMENT, "population of nobody", "is empty", "too_rich=2");
        bank.label("never", 1, "SELECT customer_id, false AS label FROM accounts", EVERYONE, "probe");
        refused(() -> trainset("never", AS_OFS), ErrorCode.INVALID_ARGUMENT, "single-class in the train split", "negative");
        bank.label("fine", 1, NEXT_DAY_BELOW_ZERO, EVERYONE, "probe");
        refused(() -> trainset("fine", AS_OFS.subList(0, 2)), ErrorCode.INVALID_ARGUMENT, "at least 3 distinct as-of dates");
        refused(() -> bank.data.features().buildTrainingSet("dana", "fine", AS_OFS, Optional.of("vips")), ErrorCode.NOT_FOUND,
                "no population rule 'vips'", "default");
    }

    @Test
    void a_label_with_a_wrong_label_column_is_refused() {
        bank.label("numbers", 1, "SELECT customer_id, 1 AS label FROM accounts", EVERYONE, "probe");
        refused(() -> trainset("numbers", AS_OFS), ErrorCode.INVALID_DEFINITION, "label of numbers", "'label' as INTEGER",
                "declares it BOOLEAN");
    }

    @Test
    void a_constant_or_entirely_null_column_is_a_warning_in_the_report() {
        bank.view("dull", "SELECT customer_id, 7 AS seven, CAST(NULL AS DOUBLE) AS nothing FROM customers", "seven:INTEGER",
                "nothing:DOUBLE:true");
        FeatureBuild build = bank.data.features().build("dana", "dull", AS_OF).value();
        assertThat(build.warnings()).containsExactly("seven has the same value in every row", "nothing is null in every row");
        assertThat(bank.publishedFiles()).as("the one build this test publishes on purpose").isEqualTo(1);
        deletePublished();
    }

    @Test
    void a_declaration_that_cannot_be_read_names_its_file() {
        bank.write("features/odd/view.yaml", "feature_view_format: 2\nname: odd\n");
        bank.write("features/odd/view.sql", "SELECT 1");
        refused(() -> build("probe"), ErrorCode.INVALID_DEFINITION, "features/odd/view.yaml", "feature_view_format 2");
        bank.write("features/odd/view.yaml", "feature_view_format: 1\nname: odd\nversion: 1\nentity: customer_id\n"
                + "description: d\nowner: o\ncolumns:\n  - {name: x, type: MONEY, nullable: false, description: d}\n");
        refused(() -> build("probe"), ErrorCode.INVALID_DEFINITION, "column x", "type MONEY");
        bank.write("features/odd/view.yaml", "feature_view_format: 1\nname: odd\nversion: 1\nentity: customer_id\n"
                + "description: d\nowner: o\ncolumns:\n  - {name: x, type: DOUBLE, description: d}\n");
        refused(() -> build("probe"), ErrorCode.INVALID_DEFINITION, "column x", "nullable");
    }

    private void deletePublished() {
        try {
            io.assay.data.DurableFiles.deleteRecursively(home.resolve("data/features"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private FeatureBuild build(String view) {
        return bank.data.features().build("dana", view, AS_OF).value();
    }

    private TrainingSet trainset(String useCase, List<LocalDate> asOfs) {
        return bank.data.features().buildTrainingSet("dana", useCase, asOfs, Optional.empty()).value();
    }

    private static void refused(ThrowingCallable call, ErrorCode code, String... fragments) {
        assertThatThrownBy(call).isInstanceOf(AssayException.class)
                .satisfies(e -> assertThat(((AssayException) e).code()).as(e.getMessage()).isEqualTo(code))
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }
}
