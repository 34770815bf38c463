package io.assay.train.model;

import io.assay.core.error.AssayException;
import io.assay.scoring.bundle.BundleFiles;
import io.assay.scoring.bundle.ModelFormat;
import io.assay.scoring.logistic.LogisticModel;
import io.assay.train.data.TrainingData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The logistic baseline, fitted by iteratively reweighted least squares (Newton's method on the
 * penalised log-likelihood): features standardised on the train split (a missing value stands at
 * the mean, so it adds nothing), an L2 penalty on every coefficient but the intercept. Each step
 * solves {@code (Zᵀ W Z + λ I) Δ = Zᵀ (y − p) − λ β} by Cholesky; with λ > 0 the system is positive
 * definite, so the fit converges even when features are collinear or a class is separable. Everything
 * runs in a fixed order on one thread, so the same rows give the same coefficients bit for bit.
 */
public final class LogisticTrainer {

    public TrainedModel train(TrainingData data, TrainingParameters parameters, TrainingProgress progress) {
        TrainingData.Split train = data.split("train");
        int p = data.featureCount();
        int n = train.rowCount();
        double[] means = new double[p];
        double[] scales = new double[p];
        standardise(train, p, means, scales);
        double lambda = parameters.number("l2");
        int maxIterations = parameters.integer("max_iterations");
        double tolerance = parameters.number("tolerance");
        double[] beta = new double[p + 1];
        double[] z = new double[p + 1];
        List<Double> curve = new ArrayList<>();
        int iterations = 0;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            double[][] hessian = new double[p + 1][p + 1];
            double[] gradient = new double[p + 1];
            double logLoss = 0;
            for (int r = 0; r < n; r++) {
                standardisedRow(train.rows(), r * p, p, means, scales, z);
                double eta = 0;
                for (int j = 0; j <= p; j++) {
                    eta += beta[j] * z[j];
                }
                double prob = 1 / (1 + Math.exp(-eta));
                double y = train.labels()[r] ? 1 : 0;
                logLoss -= y == 1 ? Math.log(Math.max(prob, 1e-15)) : Math.log(Math.max(1 - prob, 1e-15));
                double w = prob * (1 - prob);
                double residual = y - prob;
                for (int j = 0; j <= p; j++) {
                    if (z[j] == 0) {
                        continue;
                    }
                    gradient[j] += residual * z[j];
                    double wz = w * z[j];
                    for (int k = 0; k <= j; k++) {
                        hessian[j][k] += wz * z[k];
                    }
                }
            }
            for (int j = 1; j <= p; j++) {
                gradient[j] -= lambda * beta[j];
                hessian[j][j] += lambda;
            }
            // A tiny ridge on the intercept too, so a training split of one class still gives a solvable system.
            hessian[0][0] += 1e-12;
            double[] step = Cholesky.solve(hessian, gradient);
            double largest = 0;
            for (int j = 0; j <= p; j++) {
                beta[j] += step[j];
                largest = Math.max(largest, Math.abs(step[j]));
            }
            iterations = iteration;
            curve.add(logLoss / n);
            progress.round(iteration, maxIterations, "train_logloss", logLoss / n);
            if (!Double.isFinite(largest)) {
                throw AssayException.invalid("the logistic fit diverged; raise l2");
            }
            if (largest < tolerance) {
                break;
            }
        }
        double[] coefficients = new double[p];
        System.arraycopy(beta, 1, coefficients, 0, p);
        LogisticModel model = new LogisticModel(LogisticModel.FORMAT, data.features(), means, scales, coefficients, beta[0]);
        Map<String, Double> importance = new TreeMap<>();
        for (int j = 0; j < p; j++) {
            importance.put(data.features().get(j), Math.abs(coefficients[j]));
        }
        return new TrainedModel(ModelFormat.LOGISTIC_JSON, BundleFiles.json(model), iterations, iterations, "train_logloss", curve,
                importance, Map.of("assay-logistic", "irls-1"));
    }

    private static void standardise(TrainingData.Split train, int p, double[] means, double[] scales) {
        for (int j = 0; j < p; j++) {
            double sum = 0;
            long count = 0;
            for (int r = 0; r < train.rowCount(); r++) {
                float value = train.rows()[r * p + j];
                if (!Float.isNaN(value)) {
                    sum += value;
                    count++;
                }
            }
            double mean = count == 0 ? 0 : sum / count;
            double squares = 0;
            for (int r = 0; r < train.rowCount(); r++) {
                float value = train.rows()[r * p + j];
                if (!Float.isNaN(value)) {
                    squares += (value - mean) * (value - mean);
                }
            }
            double sd = count == 0 ? 0 : Math.sqrt(squares / count);
            means[j] = mean;
            scales[j] = sd > 0 ? sd : 1;
        }
    }

    /** The row as the model sees it: 1 for the intercept, then each feature standardised (0 when missing), as the scorer computes it. */
    private static void standardisedRow(float[] rows, int offset, int p, double[] means, double[] scales, double[] z) {
        z[0] = 1;
        for (int j = 0; j < p; j++) {
            float value = rows[offset + j];
            z[j + 1] = Float.isNaN(value) ? 0 : (value - means[j]) / scales[j];
        }
    }

    /** Solves a symmetric positive-definite system given by its lower triangle. */
    static final class Cholesky {
        private Cholesky() {}

        static double[] solve(double[][] lower, double[] b) {
            int n = b.length;
            double[][] l = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = lower[i][j];
                    for (int k = 0; k < j; k++) {
                        sum -= l[i][k] * l[j][k];
                    }
                    if (i == j) {
                        if (!(sum > 0)) {
                            throw AssayException.invalid("the logistic fit's system is not positive definite; raise l2");
                        }
                        l[i][i] = Math.sqrt(sum);
                    } else {
                        l[i][j] = sum / l[j][j];
                    }
                }
            }
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = b[i];
                for (int k = 0; k < i; k++) {
                    sum -= l[i][k] * y[k];
                }
                y[i] = sum / l[i][i];
            }
            double[] x = new double[n];
            for (int i = n - 1; i >= 0; i--) {
                double sum = y[i];
                for (int k = i + 1; k < n; k++) {
                    sum -= l[k][i] * x[k];
                }
                x[i] = sum / l[i][i];
            }
            return x;
        }
    }
}
