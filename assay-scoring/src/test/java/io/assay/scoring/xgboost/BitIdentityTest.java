package io.assay.scoring.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled scorer's margins are XGBoost4J's, bit for bit ({@code Float.floatToRawIntBits}),
 * for every row, on the one-row path and on the batch path (with a row count that fills neither
 * a block nor a group of four), for the model shapes that exercise different code: deep and
 * shallow trees, trees deeper than the perfect layout, single-leaf trees, an explicit base_score.
 */
class BitIdentityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SimulatedRows rows;
    private static Booster depthSix;

    @BeforeAll
    static void train() throws Exception {
        rows = SimulatedRows.generate(100_000, 20_240_601L);
        depthSix = Training.train(rows, Training.params(6), 100);
    }

    @Test
    void margins_of_a_100_tree_depth_6_model_equal_xgboost_bit_for_bit_on_both_paths() throws Exception {
        TreeEnsemble ensemble = XGBoostJson.read(depthSix.toByteArray("json"));

        assertBitIdentical(ensemble, rows, Training.margins(depthSix, rows));
    }

    @Test
    void threads_scoring_one_ensemble_at_once_each_get_xgboosts_margins() throws Exception {
        TreeEnsemble ensemble = XGBoostJson.read(depthSix.toByteArray("json"));
        float[] expected = Training.margins(depthSix, rows);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> runs = new ArrayList<>();
            for (int run = 0; run < 4; run++) {
                runs.add(pool.submit(() -> {
                    float[] out = new float[rows.rowCount()];
                    ensemble.margins(rows.values(), rows.rowCount(), out);
                    return out;
                }));
            }
            for (Future<float[]> run : runs) {
                assertThat(differences(run.get(), expected)).isEqualTo("0 rows differ");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_model_reports_what_it_is() throws Exception {
        TreeEnsemble ensemble = XGBoostJson.read(depthSix.toByteArray("json"));

        assertThat(ensemble.featureCount()).isEqualTo(20);
        assertThat(ensemble.treeCount()).isEqualTo(100);
        assertThat(ensemble.maxDepth()).isEqualTo(6);
        assertThat(ensemble.nodeCount()).isGreaterThan(100 * 7L).isLessThanOrEqualTo(100 * 127L);
        assertThat(ensemble.objective()).isEqualTo(Objective.BINARY_LOGISTIC);
        assertThat(ensemble.xgboostVersion()).isEqualTo(new XGBoostVersion(3, 4, 0));
        assertThat(ensemble.featureNames()).isEmpty();
        double labelMean = 0;
        for (float label : rows.labels()) {
            labelMean += label;
        }
        // XGBoost 3.4 starts from the label mean (boost_from_average), a probability.
        assertThat((double) ensemble.baseScore()).isCloseTo(labelMean / rows.rowCount(), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(Scorer_probability(ensemble.baseMargin())).isCloseTo(ensemble.baseScore(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void an_explicit_base_score_gives_xgboost_margins() throws Exception {
        SimulatedRows small = SimulatedRows.generate(20_000, 7L);
        for (double baseScore : new double[] {0.3, 0.0123, 0.9}) {
            Map<String, Object> params = Training.params(4);
            params.put("base_score", baseScore);
            Booster booster = Training.train(small, params, 20);
            TreeEnsemble ensemble = XGBoostJson.read(booster.toByteArray("json"));

            assertThat(ensemble.baseScore()).isEqualTo((float) baseScore);
            assertBitIdentical(ensemble, small, Training.margins(booster, small));
        }
    }

    @Test
    void stumps_of_max_depth_1_give_xgboost_margins() throws Exception {
        SimulatedRows small = SimulatedRows.generate(20_000, 11L);
        Booster booster = Training.train(small, Training.params(1), 50);
        TreeEnsemble ensemble = XGBoostJson.read(booster.toByteArray("json"));

        assertThat(ensemble.maxDepth()).isEqualTo(1);
        assertBitIdentical(ensemble, small, Training.margins(booster, small));
    }

    @Test
    void trees_that_are_a_single_leaf_give_xgboost_margins() throws Exception {
        SimulatedRows small = SimulatedRows.generate(20_000, 13L);
        Booster booster = Training.train(small, Training.params(3), 6);
        // A gain threshold no split can reach: the next rounds grow trees that are just a root leaf
        // (two of them padded into a group of eight with depth-3 trees, the third alone).
        booster.setParam("gamma", 1e9);
        DMatrix train = Training.matrix(small);
        train.setLabel(small.labels());
        for (int round = 6; round < 9; round++) {
            booster.update(train, round);
        }
        train.dispose();
        byte[] json = booster.toByteArray("json");
        TreeEnsemble ensemble = XGBoostJson.read(json);

        assertThat(treeSizes(json)).hasSize(9).endsWith(1, 1, 1);
        assertBitIdentical(ensemble, small, Training.margins(booster, small));
    }

    @Test
    void trees_deeper_than_the_perfect_layout_give_xgboost_margins() throws Exception {
        SimulatedRows small = SimulatedRows.generate(30_000, 17L);
        Booster booster = Training.train(small, Training.params(11), 8);
        TreeEnsemble ensemble = XGBoostJson.read(booster.toByteArray("json"));

        assertThat(ensemble.maxDepth()).isGreaterThan(CompiledForest.PERFECT_DEPTH);
        assertBitIdentical(ensemble, small, Training.margins(booster, small));
    }

    @Test
    void a_base_score_written_bare_as_before_3_4_reads_the_same() throws Exception {
        ObjectNode model = (ObjectNode) JSON.readTree(depthSix.toByteArray("json"));
        ObjectNode param = (ObjectNode) model.path("learner").path("learner_model_param");
        String bracketed = param.get("base_score").asText();
        param.put("base_score", bracketed.substring(1, bracketed.length() - 1));

        TreeEnsemble bare = XGBoostJson.read(JSON.writeValueAsBytes(model));
        TreeEnsemble original = XGBoostJson.read(depthSix.toByteArray("json"));

        assertThat(bracketed).startsWith("[").endsWith("]");
        assertThat(Float.floatToRawIntBits(bare.baseMargin())).isEqualTo(Float.floatToRawIntBits(original.baseMargin()));
    }

    private static double Scorer_probability(float margin) {
        return io.assay.scoring.Scorer.probability(margin);
    }

    private static List<Integer> treeSizes(byte[] json) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (JsonNode tree : JSON.readTree(json).path("learner").path("gradient_booster").path("model").path("trees")) {
            sizes.add(Integer.parseInt(tree.path("tree_param").path("num_nodes").asText()));
        }
        return sizes;
    }

    /** Both paths against XGBoost's margins; reports how many rows differ and the first one. */
    static void assertBitIdentical(TreeEnsemble ensemble, SimulatedRows rows, float[] expected) {
        int n = rows.rowCount();
        float[] single = new float[n];
        for (int r = 0; r < n; r++) {
            single[r] = ensemble.margin(rows.row(r));
        }
        // One row short: the last block is partial, and so is its last group of four.
        float[] batch = new float[n];
        batch[n - 1] = Float.NaN;
        ensemble.margins(rows.values(), n - 1, batch);
        batch[n - 1] = ensemble.margin(rows.row(n - 1));

        assertThat(differences(single, expected)).as("one-row path").isEqualTo("0 rows differ");
        assertThat(differences(batch, expected)).as("batch path").isEqualTo("0 rows differ");
    }

    private static String differences(float[] actual, float[] expected) {
        int differ = 0;
        int first = -1;
        for (int r = 0; r < expected.length; r++) {
            if (Float.floatToRawIntBits(actual[r]) != Float.floatToRawIntBits(expected[r])) {
                differ++;
                first = first < 0 ? r : first;
            }
        }
        return differ == 0 ? "0 rows differ"
                : differ + " rows differ, first row " + first + ": " + actual[first] + " vs XGBoost " + expected[first];
    }
}
