package io.assay.core.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Edges pinned with numpy by the documented rule: {@code v = np.sort(x[~np.isnan(x)])},
 * {@code cuts = np.unique(v[np.arange(1, max_bins) * len(v) // max_bins])}, minus cuts equal to
 * {@code v[0]}; counts by {@code np.bincount(np.searchsorted(edges, v, side='right'))}.
 */
class BinnedProfileTest {
    static final double NULL = Double.NaN;
    static final double[] REFERENCE = {3.1, 0.5, 2.2, 7.8, NULL, 4.4, 4.4, 1.0, 9.9, 5.5, 6.0, 2.2, NULL, 8.1, 0.5,
            3.3, 4.4, 7.0, 1.9, 6.6};

    @Test
    void edges_come_from_the_reference_quantiles_and_ties_merge_bins() {
        BinnedProfile profile = BinnedProfile.fit(REFERENCE, 5);

        assertThat(profile.edges()).containsExactly(1.9, 3.3, 4.4, 7.0);
        assertThat(profile.counts()).containsExactly(3L, 4L, 1L, 6L, 4L);
        assertThat(profile.nulls()).isEqualTo(2);
        assertThat(profile.min()).isEqualTo(0.5);
        assertThat(profile.max()).isEqualTo(9.9);
        assertThat(profile.total()).isEqualTo(20);
        assertThat(profile.nullShare()).isEqualTo(0.1);
    }

    @Test
    void distinct_values_split_into_bins_of_near_equal_count() {
        BinnedProfile profile = BinnedProfile.fit(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 4);

        assertThat(profile.edges()).containsExactly(2.0, 5.0, 7.0);
        assertThat(profile.counts()).containsExactly(2L, 3L, 2L, 3L);
    }

    @Test
    void a_few_valued_feature_gets_one_bin_per_value() {
        BinnedProfile profile = BinnedProfile.fit(new double[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 1}, 10);

        assertThat(profile.edges()).containsExactly(1.0);
        assertThat(profile.counts()).containsExactly(7L, 3L);
    }

    @Test
    void a_constant_feature_gets_a_single_bin() {
        BinnedProfile profile = BinnedProfile.fit(new double[] {2.5, 2.5, 2.5, NULL}, 10);

        assertThat(profile).isEqualTo(new BinnedProfile(List.of(), List.of(3L), 1, 2.5, 2.5));
    }

    @Test
    void a_feature_of_nulls_only_has_one_empty_bin_and_no_min_or_max() {
        BinnedProfile profile = BinnedProfile.fit(new double[] {NULL, NULL}, 10);

        assertThat(profile.counts()).containsExactly(0L);
        assertThat(profile.nulls()).isEqualTo(2);
        assertThat(profile.min()).isNaN();
        assertThat(profile.max()).isNaN();
    }

    @Test
    void new_data_is_counted_over_the_reference_edges_with_outliers_in_the_outer_bins() {
        BinnedProfile reference = BinnedProfile.fit(REFERENCE, 5);

        BinnedProfile current = reference.countsOf(new double[] {0.2, -1.0, 4.4, 4.5, 12.0, NULL, NULL, NULL,
                3.0, 4.4, 2.2, 2.2, 5.0, 4.0});

        assertThat(current.edges()).isEqualTo(reference.edges());
        assertThat(current.counts()).containsExactly(2L, 3L, 1L, 4L, 1L);
        assertThat(current.nulls()).isEqualTo(3);
        assertThat(current.min()).isEqualTo(-1.0);
        assertThat(current.max()).isEqualTo(12.0);
    }

    @Test
    void the_reference_counted_again_is_the_fitted_profile() {
        BinnedProfile reference = BinnedProfile.fit(REFERENCE, 5);

        assertThat(reference.countsOf(REFERENCE)).isEqualTo(reference);
    }

    @Test
    void a_profile_rebuilt_from_its_components_is_equal_as_a_json_reader_would_rebuild_it() {
        BinnedProfile profile = BinnedProfile.fit(REFERENCE, 5);

        BinnedProfile rebuilt = new BinnedProfile(List.copyOf(profile.edges()), List.copyOf(profile.counts()),
                profile.nulls(), profile.min(), profile.max());

        assertThat(rebuilt).isEqualTo(profile).hasSameHashCodeAs(profile);
    }

    @Test
    void bad_values_and_bad_shapes_are_refused() {
        assertThatThrownBy(() -> BinnedProfile.fit(new double[0], 10))
                .hasMessage("values are empty; a profile needs at least one value");
        assertThatThrownBy(() -> BinnedProfile.fit(new double[] {1, Double.NEGATIVE_INFINITY}, 10))
                .hasMessage("value at index 1 is infinite; profiles take finite values, with NaN for null");
        assertThatThrownBy(() -> BinnedProfile.fit(new double[] {1}, 0))
                .hasMessage("a profile needs at least one bin, not 0");
        assertThatThrownBy(() -> new BinnedProfile(List.of(1.0, 1.0), List.of(1L, 1L, 1L), 0, 0, 2))
                .hasMessage("profile edge 1 (1.0) is not above the edge before it (1.0); edges must be strictly increasing");
        assertThatThrownBy(() -> new BinnedProfile(List.of(1.0), List.of(1L), 0, 0, 2))
                .hasMessage("a profile with 1 edges has 2 bins, but 1 counts were given");
        assertThatThrownBy(() -> new BinnedProfile(List.of(1.0), List.of(1L, -1L), 0, 0, 2))
                .hasMessage("profile count of bin 1 is -1; counts must be at least 0");
        assertThatThrownBy(() -> new BinnedProfile(List.of(), List.of(0L), 0, NULL, NULL))
                .hasMessage("a profile needs at least one value; it has none");
    }
}
