package io.assay.scoring.xgboost;

/**
 * Gauss–Legendre quadrature on [0, 1]: {@code n} points and weights that integrate every
 * polynomial of degree below {@code 2n} exactly. The points are the roots of the Legendre
 * polynomial {@code P_n}, found by Newton's method from Tricomi's estimate; {@code n} is at most
 * half the depth ceiling, where the iteration converges to double precision in a few steps.
 */
final class GaussLegendre {
    private GaussLegendre() {}

    /** Writes the {@code n} points (ascending) and their weights (summing to 1) into the arrays. */
    static void onUnitInterval(int n, double[] points, double[] weights) {
        for (int i = 0; i < (n + 1) / 2; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            for (int iteration = 0; iteration < 100; iteration++) {
                double step = legendre(n, x) / derivative(n, x);
                x -= step;
                if (Math.abs(step) <= 1e-15) {
                    break;
                }
            }
            double slope = derivative(n, x);
            double weight = 2.0 / ((1.0 - x * x) * slope * slope);
            // x is the i-th largest root on [-1, 1]; its mirror is the i-th smallest.
            points[n - 1 - i] = (1.0 + x) / 2.0;
            weights[n - 1 - i] = weight / 2.0;
            points[i] = (1.0 - x) / 2.0;
            weights[i] = weight / 2.0;
        }
    }

    /** {@code P_n(x)}, by the three-term recurrence. */
    private static double legendre(int n, double x) {
        double previous = 1.0;
        double current = x;
        for (int k = 2; k <= n; k++) {
            double next = ((2 * k - 1) * x * current - (k - 1) * previous) / k;
            previous = current;
            current = next;
        }
        return current;
    }

    /** {@code P_n'(x) = n (x P_n(x) − P_{n−1}(x)) / (x² − 1)}, inside (−1, 1). */
    private static double derivative(int n, double x) {
        double below = n == 1 ? 1.0 : legendre(n - 1, x);
        return n * (x * legendre(n, x) - below) / (x * x - 1.0);
    }
}
