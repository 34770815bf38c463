package io.assay.data.ingest;

import io.assay.core.common.IdSource;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.DataEnvironment;
import io.assay.data.DataLayout;
import io.assay.testing.InMemoryDataCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DayIngesterTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @TempDir
    Path home;
    @TempDir
    Path extract;

    InMemoryDataCatalog catalog;
    DataEnvironment data;
    Path day;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryDataCatalog();
        data = new DataEnvironment(new DataLayout(home), catalog,
                Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC), IdSource.sequential(),
                Optional.of(BatchIngesterTest.KEY));
        day = extract.resolve("2026-11-27");
        Batches.transactions().validRows(5, "2026-11-27").writeTo(day.resolve("transactions.csv"));
    }

    @Test
    void ingests_every_table_file_of_the_day() {
        List<DayIngester.TableOutcome> outcomes = data.days().ingestDay(day, DAY, "ingest.robot");

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.table()).isEqualTo("transactions");
            assertThat(outcome.result()).hasValueSatisfying(r -> assertThat(r.snapshot().rowCount()).isEqualTo(5));
        });
    }

    @Test
    void a_file_linking_outside_the_folder_stops_the_whole_day_before_anything_is_ingested() throws Exception {
        Path outside = Batches.transactions().validRows(2, "2026-11-27").writeTo(extract.resolve("elsewhere/secret.csv"));
        Files.createSymbolicLink(day.resolve("customers.csv"), outside);

        assertThatThrownBy(() -> data.days().ingestDay(day, DAY, "ingest.robot"))
                .isInstanceOf(AssayException.class)
                .hasMessageContaining("customers.csv").hasMessageContaining("leads outside the extract folder")
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.PATH_OUTSIDE_FOLDER);
        assertThat(catalog.listSnapshots(Optional.empty())).isEmpty();
    }

    @Test
    void an_unknown_table_file_or_a_folder_named_for_another_day_stops_the_day() {
        Batches.write(day.resolve("loans.csv"), "id\n1\n");
        assertThatThrownBy(() -> data.days().ingestDay(day, DAY, "ingest.robot")).hasMessageContaining("unknown table 'loans'");

        assertThatThrownBy(() -> data.days().ingestDay(day, DAY.minusDays(1), "ingest.robot"))
                .hasMessageContaining("named for 2026-11-27 but --date is 2026-11-26");
        assertThat(catalog.listSnapshots(Optional.empty())).isEmpty();
    }

    @Test
    void a_file_that_differs_from_the_extracts_control_totals_is_not_published() {
        Batches.write(day.resolve("extract.json"), """
                {"business_date": "2026-11-27", "files": {"transactions.csv": {"rows": 6, "sha256": "00"}}}
                """);

        List<DayIngester.TableOutcome> outcomes = data.days().ingestDay(day, DAY, "ingest.robot");

        assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.error())
                .hasValueSatisfying(error -> assertThat(error).hasMessageContaining("control totals")
                        .hasMessageContaining("expected 6 rows")));
        assertThat(catalog.listSnapshots(Optional.empty())).isEmpty();
    }
}
