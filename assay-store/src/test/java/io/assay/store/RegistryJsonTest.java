package io.assay.store;

import io.assay.core.error.AssayException;
import io.assay.core.registry.MetricThreshold;
import io.assay.testing.RegistryFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry's JSON columns: what is written now reads back equal, documents written by
 * earlier builds (golden copies below, never to be edited) still read, and a format from a newer
 * build is refused by name. When you change a format: raise RegistryJson.FORMAT, keep reading the
 * old one, and add a golden document of the new one here.
 */
class RegistryJsonTest {
    /** Format 1, as rows of 2026-11-29 hold it: no json_format, the provenance spelled apart from the spec file. */
    private static final String PROVENANCE_1 = "{\"run_id\":\"run-1\",\"seed\":7,\"snapshot_hashes\":{\"transactions-2026-11-27-abc\":\""
            + "b".repeat(64) + "\"},\"parameters\":{\"max_depth\":\"4\"},\"library_versions\":{\"xgboost4j\":\"3.0.4\"}}";
    private static final String METRICS_1 = "[{\"metric\":\"auc\",\"comparison\":\"AT_LEAST\",\"threshold\":0.72},"
            + "{\"metric\":\"brier\",\"comparison\":\"AT_MOST\",\"threshold\":0.2}]";
    private static final String SIGNATURE_1 = "{\"output\":\"p\",\"features\":[{\"name\":\"x\",\"type\":\"NUMERIC\",\"min\":0.0}]}";

    @Test
    void what_is_written_now_reads_back_equal_and_is_spelled_as_in_the_spec_file() {
        String provenance = RegistryJson.provenance(RegistryFixtures.provenance());
        String metrics = RegistryJson.metricSpec(RegistryFixtures.metricSpec());

        assertThat(RegistryJson.provenance(provenance)).isEqualTo(RegistryFixtures.provenance());
        assertThat(RegistryJson.metricSpec(metrics)).isEqualTo(RegistryFixtures.metricSpec());
        assertThat(RegistryJson.signature(RegistryJson.signature(RegistryFixtures.signature()))).isEqualTo(RegistryFixtures.signature());
        assertThat(provenance).contains("\"json_format\":2").contains("\"snapshots\"").contains("\"libraries\"");
        assertThat(metrics).contains("\"at_least\":0.72").contains("\"at_most\":0.2");
    }

    @Test
    void documents_of_format_1_still_read() {
        assertThat(RegistryJson.provenance(PROVENANCE_1).snapshotHashes()).containsEntry("transactions-2026-11-27-abc", "b".repeat(64));
        assertThat(RegistryJson.provenance(PROVENANCE_1).libraryVersions()).containsEntry("xgboost4j", "3.0.4");
        assertThat(RegistryJson.metricSpec(METRICS_1).thresholds()).extracting(MetricThreshold::comparison)
                .containsExactly(MetricThreshold.Comparison.AT_LEAST, MetricThreshold.Comparison.AT_MOST);
        assertThat(RegistryJson.signature(SIGNATURE_1).features().get(0).min()).contains(0.0);
    }

    @Test
    void a_format_from_a_newer_build_is_refused_by_name() {
        assertThatThrownBy(() -> RegistryJson.provenance("{\"json_format\":9,\"run_id\":\"r\",\"seed\":1}"))
                .isInstanceOf(AssayException.class).hasMessageContaining("JSON format 9").hasMessageContaining("newer Assay");
    }
}
