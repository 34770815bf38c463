package io.assay.data.features;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A feature view sees the data as it stood at the end of its as-of day, whatever its SQL says; a label sees only its window. */
class PointInTimeTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 5, 3);

    @TempDir
    Path home;
    TinyBank bank;

    @BeforeEach
    void tinyBank() {
        bank = new TinyBank(home);
    }

    @Test
    void a_view_computes_what_the_rows_up_to_its_as_of_day_say_and_nothing_after() throws SQLException {
        bank.view("probe", """
                SELECT customer_id,
                       CAST(sum(balance) AS DOUBLE) AS balance_sum,
                       CAST(min(balance) AS DOUBLE) AS lowest,
                       max(business_date) AS last_day,
                       count(*) AS days
                FROM accounts_history GROUP BY customer_id""", "balance_sum:DOUBLE", "lowest:DOUBLE", "last_day:DATE", "days:INTEGER");
        FeatureBuild build = bank.data.features().build("dana", "probe", AS_OF).value();
        // By hand: C1 100 - 20 + 50 = 130, lowest -20; C2 10 + 20 - 3 = 27, lowest -3. The -999 of 05-04 is not seen.
        Map<String, List<Object>> rows = rows(bank.data.features().dataFile(build), "balance_sum, lowest, last_day, days");
        assertThat(rows).containsOnly(
                Map.entry(bank.token(1), List.of(130.0, -20.0, AS_OF, 3L)),
                Map.entry(bank.token(2), List.of(27.0, -3.0, AS_OF, 3L)));
        assertThat(build.inputs()).extracting(FeatureBuild.Input::businessDate).allMatch(day -> !day.isAfter(AS_OF));
        assertThat(build.rows()).isEqualTo(2);
    }

    @Test
    void a_view_that_asks_for_rows_after_its_as_of_day_gets_none() throws SQLException {
        bank.view("greedy", """
                SELECT c.customer_id,
                       (SELECT count(*) FROM accounts_history a WHERE a.business_date > :as_of) AS accounts_after,
                       (SELECT count(*) FROM transactions t WHERE t.booking_date > :as_of) AS bookings_after,
                       (SELECT CAST(min(balance) AS DOUBLE) FROM accounts_history) AS lowest_ever,
                       (SELECT max(business_date) FROM customers_history) AS customers_seen_up_to
                FROM customers c""", "accounts_after:INTEGER", "bookings_after:INTEGER", "lowest_ever:DOUBLE",
                "customers_seen_up_to:DATE");
        FeatureBuild build = bank.data.features().build("dana", "greedy", AS_OF).value();
        assertThat(rows(bank.data.features().dataFile(build), "accounts_after, bookings_after, lowest_ever, customers_seen_up_to"))
                .allSatisfy((customer, values) -> assertThat(values).containsExactly(0L, 0L, -20.0, TinyBank.FIRST));
    }

    @Test
    void a_view_that_names_a_file_a_table_function_or_a_later_table_is_refused_before_any_read() {
        String snapshot = bank.data.layout().snapshots().resolve("accounts").toString();
        List<String> attempts = List.of(
                "SELECT customer_id, 1 AS x FROM read_parquet('" + snapshot + "/*/*/data.parquet')",
                "SELECT customer_id, 1 AS x FROM '" + snapshot + "/2026-05-04/data.parquet'",
                "SELECT customer_id, 1 AS x FROM accounts_2026_05_04",
                "SELECT customer_id, 1 AS x FROM transactions_history",
                "SELECT customer_id, 1 AS x FROM main.accounts",
                "SELECT customer_id, 1 AS x FROM accounts; SELECT 1");
        int reads = bank.catalog.listReads(Optional.empty()).size();
        for (String sql : attempts) {
            bank.view("sneaky", sql, "x:INTEGER");
            assertThatThrownBy(() -> bank.data.features().build("dana", "sneaky", AS_OF)).as(sql)
                    .isInstanceOf(AssayException.class)
                    .satisfies(e -> assertThat(((AssayException) e).code()).isIn(ErrorCode.INVALID_DEFINITION, ErrorCode.INVALID_ARGUMENT));
        }
        assertThat(bank.catalog.listReads(Optional.empty())).hasSize(reads);
        assertThat(bank.publishedFiles()).isZero();
    }

    @Test
    void a_label_sees_its_window_after_the_as_of_day_and_not_a_day_beyond_it() throws SQLException {
        bank.view("probe", "SELECT customer_id, CAST(min(balance) AS DOUBLE) AS lowest FROM accounts_history GROUP BY ALL",
                "lowest:DOUBLE");
        // Below zero the next day. By hand: as of 05-01 C1 (-20 on 05-02); 05-02 C2 (-3 on 05-03); 05-03 C1 (-999 on 05-04).
        // C2's -1 of 05-05 lies past the last window: were it seen, C2 would be positive as of 05-03 too.
        bank.label("next-day-overdraft", 1,
                "SELECT customer_id, bool_or(balance < 0) AS label FROM accounts_history "
                        + "WHERE business_date > :as_of AND business_date <= :horizon_end GROUP BY ALL",
                "SELECT customer_id, CAST(NULL AS VARCHAR) AS exclusion FROM customers", "probe");
        TrainingSet set = bank.data.features().buildTrainingSet("dana", "next-day-overdraft",
                List.of(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2), AS_OF), Optional.empty()).value();
        Map<String, List<Object>> rows = new TreeMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery("SELECT as_of, customer_id, label, lowest, split FROM read_parquet('"
                     + bank.data.features().dataFile(set) + "') ORDER BY 1, 2")) {
            while (result.next()) {
                rows.put(result.getObject(1, LocalDate.class) + " " + (result.getString(2).equals(bank.token(1)) ? "C1" : "C2"),
                        List.of(result.getBoolean(3), result.getDouble(4), result.getString(5)));
            }
        }
        assertThat(rows).containsExactly(
                Map.entry("2026-05-01 C1", List.of(true, 100.0, "train")),
                Map.entry("2026-05-01 C2", List.of(false, 10.0, "train")),
                Map.entry("2026-05-02 C1", List.of(false, -20.0, "validation")),
                Map.entry("2026-05-02 C2", List.of(true, 10.0, "validation")),
                Map.entry("2026-05-03 C1", List.of(true, -20.0, "test")),
                Map.entry("2026-05-03 C2", List.of(false, -3.0, "test")));
        assertThat(set.splits().get("test").labelRate()).isEqualTo(0.5);
    }

    private Map<String, List<Object>> rows(Path file, String columns) throws SQLException {
        Map<String, List<Object>> rows = new TreeMap<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery("SELECT customer_id, " + columns + " FROM read_parquet('" + file + "')")) {
            int count = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> values = new java.util.ArrayList<>();
                for (int i = 2; i <= count; i++) {
                    Object value = result.getObject(i);
                    values.add(value instanceof java.sql.Date date ? date.toLocalDate() : value instanceof java.time.LocalDate d ? d : value);
                }
                rows.put(result.getString(1), values);
            }
        }
        return rows;
    }
}
