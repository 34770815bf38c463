package io.assay.core.stats;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class DriftPropertiesTest {
    /** Feature values with nulls, on a coarse grid half the time (so with heavy ties), or wide and fine. */
    @Provide
    Arbitrary<double[]> features() {
        Arbitrary<Double> value = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Double.NaN)),
                Tuple.of(4, Arbitraries.integers().between(-3, 3).map(Integer::doubleValue)),
                Tuple.of(4, Arbitraries.doubles().between(-1e6, 1e6)));
        return value.list().ofMinSize(1).ofMaxSize(300)
                .map(values -> values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Property(tries = 300)
    void psi_of_a_profile_with_itself_is_zero(@ForAll("features") double[] values, @ForAll @IntRange(min = 1, max = 20) int bins) {
        BinnedProfile profile = BinnedProfile.fit(values, bins);

        assertThat(Psi.of(profile, profile)).isZero();
    }

    @Property(tries = 300)
    void psi_is_never_negative(@ForAll("features") double[] reference, @ForAll("features") double[] current,
                               @ForAll @IntRange(min = 1, max = 20) int bins) {
        BinnedProfile profile = BinnedProfile.fit(reference, bins);

        assertThat(Psi.of(profile, profile.countsOf(current))).isGreaterThanOrEqualTo(0.0);
    }

    @Property(tries = 300)
    void a_fitted_profile_counts_every_value_in_at_most_max_bins_none_of_them_empty(
            @ForAll("features") double[] values, @ForAll @IntRange(min = 1, max = 20) int bins) {
        BinnedProfile profile = BinnedProfile.fit(values, bins);

        assertThat(profile.total()).isEqualTo(values.length);
        assertThat(profile.counts()).hasSizeLessThanOrEqualTo(bins);
        if (profile.nulls() < values.length) {
            assertThat(profile.counts()).allSatisfy(count -> assertThat(count).isPositive());
        }
        assertThat(profile.countsOf(values)).isEqualTo(profile);
    }
}
