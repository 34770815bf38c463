package io.assay.core.stats;

import io.assay.core.error.AssayException;

/**
 * One group of a calibration table: rows whose predicted probabilities lie in
 * [{@code lowest}, {@code highest}], how many of them were positive, and the mean prediction
 * against the rate observed. A well-calibrated model has {@code meanPredicted} close to
 * {@code observedRate} in every bin.
 */
public record CalibrationBin(long rows, long positives, double meanPredicted, double observedRate,
                             double lowest, double highest) {
    public CalibrationBin {
        if (rows <= 0) {
            throw AssayException.invalid("a calibration bin needs at least one row, not " + rows);
        }
        if (positives < 0 || positives > rows) {
            throw AssayException.invalid("a calibration bin of " + rows + " rows cannot have " + positives + " positives");
        }
        requireProbability("lowest", lowest);
        requireProbability("highest", highest);
        requireProbability("meanPredicted", meanPredicted);
        requireProbability("observedRate", observedRate);
        if (lowest > highest) {
            throw AssayException.invalid("a calibration bin's lowest prediction " + lowest + " is above its highest " + highest);
        }
    }

    private static void requireProbability(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw AssayException.invalid("calibration bin " + what + " " + value + " is not a probability in [0, 1]");
        }
    }
}
