package io.assay.banksim;

/**
 * The simulator's only source of randomness: SplitMix64 (the generator behind
 * {@link java.util.SplittableRandom}), reseeded for every customer and day from the run's seed.
 * Reseeding instead of drawing from one long stream keeps a customer's day independent of how
 * many draws every other customer made, so the files do not depend on iteration details; and
 * owning the arithmetic (StrictMath, no JDK sampling helpers) keeps them byte-identical across
 * JDK versions and CPUs.
 */
final class Dice {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    Dice() {
    }

    /** Starts a new stream identified by the seed and up to three more numbers. */
    Dice reseed(long seed, long first, long second, long third) {
        long mixed = mix(seed + GOLDEN_GAMMA);
        mixed = mix(mixed ^ (first * 0xD1B54A32D192ED03L));
        mixed = mix(mixed ^ (second * 0xAEF17502108EF2D9L));
        state = mix(mixed ^ (third * 0xF1357AEA2E62A9C5L));
        return this;
    }

    long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [low, high). */
    double between(double low, double high) {
        return low + (high - low) * uniform();
    }

    /** Uniform whole number in [0, bound). */
    int below(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform whole number in [low, high]. */
    int inclusive(int low, int high) {
        return low + below(high - low + 1);
    }

    boolean chance(double probability) {
        return uniform() < probability;
    }

    /** Approximately standard normal: the sum of four uniforms, rescaled; cheap and bounded at ±3.5. */
    double normal() {
        double sum = uniform() + uniform() + uniform() + uniform();
        return (sum - 2.0) * 1.7320508075688772;
    }

    /** A positive amount around {@code median}, skewed to the right like real prices. */
    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * normal());
    }

    /** Events in one day at the given mean rate (Knuth's method; the rates here are small). */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = StrictMath.exp(-Math.min(mean, 30));
        double product = uniform();
        int count = 0;
        while (product > limit) {
            count++;
            product *= uniform();
        }
        return count;
    }

    /** Index into cumulative weights (ascending, last one the total). */
    int pick(double[] cumulativeWeights) {
        double target = uniform() * cumulativeWeights[cumulativeWeights.length - 1];
        for (int i = 0; i < cumulativeWeights.length - 1; i++) {
            if (target < cumulativeWeights[i]) {
                return i;
            }
        }
        return cumulativeWeights.length - 1;
    }

    /** Cumulative weights for {@link #pick}. */
    static double[] cumulative(double... weights) {
        double[] cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            cumulative[i] = total;
        }
        return cumulative;
    }

    /** A well-mixed hash of one number, for stable per-entity choices that need no stream. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A stable fraction in [0, 1) for an entity and a purpose, e.g. whether an employer switched payroll. */
    static double fraction(long entity, long purpose) {
        return (mix(mix(entity * GOLDEN_GAMMA + purpose) + purpose) >>> 11) * 0x1.0p-53;
    }
}
