package io.assay.scoring.xgboost;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The linear-time TreeSHAP gives the walk's values: on trees that split on one feature many
 * times down a path (few features, deep trees), on rows with missing values, and on a tree with
 * a leaf no training weight reached; and its quadrature is exact where it must be.
 */
class QuadratureShapTest {

    @Test
    void three_gauss_legendre_points_are_the_closed_form() {
        double[] points = new double[3];
        double[] weights = new double[3];
        GaussLegendre.onUnitInterval(3, points, weights);

        double offset = Math.sqrt(15.0) / 10.0;
        assertThat(points).containsExactly(new double[] {0.5 - offset, 0.5, 0.5 + offset}, within(1e-15));
        assertThat(weights).containsExactly(new double[] {5.0 / 18, 8.0 / 18, 5.0 / 18}, within(1e-15));
    }

    @Test
    void n_points_integrate_every_power_below_2n_exactly() {
        for (int n = 1; n <= ModelLimits.DEPTH_CEILING / 2; n++) {
            double[] points = new double[n];
            double[] weights = new double[n];
            GaussLegendre.onUnitInterval(n, points, weights);
            for (int power = 0; power < 2 * n; power++) {
                double sum = 0.0;
                for (int q = 0; q < n; q++) {
                    sum += weights[q] * Math.pow(points[q], power);
                }
                assertThat(sum).as("%d points, t^%d", n, power).isCloseTo(1.0 / (power + 1), within(1e-13));
            }
        }
    }

    @Test
    void deep_trees_over_few_features_are_explained_as_the_walk_explains_them() throws Exception {
        // Three features at depth 9: nearly every path splits on a feature again below itself.
        SimulatedRows rows = SimulatedRows.generate(4_000, 99L).firstColumns(3);
        Booster booster = Training.train(rows, Training.params(9), 20);
        byte[] json = booster.toByteArray("json");
        booster.dispose();

        assertSameAsTheWalk(json, rows);
    }

    @Test
    void a_leaf_without_cover_is_explained_as_the_walk_explains_it() {
        // The tiny model's first tree, its right leaf (0.3) given cover 0: an edge no training weight took.
        ObjectNode model = Fixtures.tiny();
        Fixtures.array(Fixtures.tree(model, 0), "sum_hessian").set(2, 0.0);
        float[] values = {0.2f, 1.0f, 7f, Float.NaN, Float.NaN, 7f, 0.7f, 1.0f, Float.NaN, 0.5f, 2.0f, 7f};

        assertSameAsTheWalk(Fixtures.write(model), new SimulatedRows(4, 3, values, new float[4]));
    }

    private static void assertSameAsTheWalk(byte[] json, SimulatedRows rows) {
        ShapForest forest = new ShapForest(XGBoostJson.checked(json, ModelLimits.DEFAULTS));
        TreeShapExplainer linear = new TreeShapExplainer(forest);
        TreeShapExplainer walk = new TreeShapExplainer(forest, true);
        double[] fast = new double[forest.featureCount + 1];
        double[] slow = new double[forest.featureCount + 1];
        for (int r = 0; r < rows.rowCount(); r++) {
            linear.contributions(rows.row(r), fast);
            walk.contributions(rows.row(r), slow);
            assertThat(fast).as("row %d", r).containsExactly(slow, within(1e-6));
        }
    }
}
