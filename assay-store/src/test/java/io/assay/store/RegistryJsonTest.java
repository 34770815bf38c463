package io.assay.store;

import io.assay.core.error.AssayException;
import io.assay.core.registry.GateBounds;
import io.assay.core.registry.MetricSpec;
import io.assay.core.registry.MetricThreshold;
import io.assay.testing.RegistryFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

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

    /** Format 3 of the metric spec, as the training issue's first build writes it: thresholds and every gate bound. */
    private static final String METRICS_3 = "{\"json_format\":3,\"metrics\":[{\"metric\":\"auc\",\"at_least\":0.75}],"
            + "\"champion\":{\"metric\":\"auc\",\"min_delta\":0.01},\"segments\":[{\"attribute\":\"age_band\",\"metric\":\"auc\","
            + "\"at_least\":0.6,\"min_rows\":100}],\"fairness\":{\"attribute\":\"gender\",\"selected_share\":0.1,"
            + "\"min_adverse_impact\":0.8,\"min_rows\":30,\"max_equal_opportunity_difference\":0.1},\"stability\":{\"max_psi\":0.2},"
            + "\"robustness\":{\"max_score_change\":0.05},\"latency\":{\"p99_micros\":50.0}}";

    @Test
    void a_metric_spec_with_gate_bounds_reads_back_equal_and_its_golden_copy_still_reads() {
        GateBounds bounds = new GateBounds(Optional.of(new GateBounds.ChampionBar("auc", 0.01)),
                List.of(new GateBounds.SegmentFloor("age_band", "auc", 0.6, 100)),
                Optional.of(new GateBounds.FairnessBound("gender", 0.1, 0.8, Optional.of(0.1), 30)), Optional.of(0.2), Optional.of(0.05),
                Optional.of(50.0));
        MetricSpec spec = new MetricSpec(List.of(new MetricThreshold("auc", MetricThreshold.Comparison.AT_LEAST, 0.75)), bounds);
        assertThat(RegistryJson.metricSpec(RegistryJson.metricSpec(spec))).isEqualTo(spec);
        assertThat(RegistryJson.metricSpec(METRICS_3)).isEqualTo(spec);
        // a spec without bounds is still written in format 2, which builds before the bounds read
        assertThat(RegistryJson.metricSpec(RegistryFixtures.metricSpec())).contains("\"json_format\":2");
    }

    @Test
    void a_format_from_a_newer_build_is_refused_by_name() {
        assertThatThrownBy(() -> RegistryJson.provenance("{\"json_format\":9,\"run_id\":\"r\",\"seed\":1}"))
                .isInstanceOf(AssayException.class).hasMessageContaining("JSON format 9").hasMessageContaining("newer Assay");
    }
}
