package io.assay.core.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.assay.core.stats.BinnedProfileTest.NULL;
import static io.assay.core.stats.BinnedProfileTest.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Pinned with numpy: shares {@code np.append(counts, nulls) / total}, each raised to
 * {@code np.maximum(share, 1e-4)}, then {@code np.sum((a - e) * np.log(a / e))}.
 */
class PsiTest {
    private static final BinnedProfile BASE = BinnedProfile.fit(REFERENCE, 5);

    @Test
    void psi_with_a_rise_in_nulls_matches_numpy() {
        BinnedProfile current = BASE.countsOf(new double[] {0.2, -1.0, 4.4, 4.5, 12.0, NULL, NULL, NULL,
                3.0, 4.4, 2.2, 2.2, 5.0, 4.0});

        assertThat(Psi.of(BASE, current)).isCloseTo(0.2291555100664971, within(1e-12));
    }

    @Test
    void empty_bins_count_with_the_documented_floor() {
        BinnedProfile current = BASE.countsOf(new double[] {0.1, 0.2, 0.3, 0.4, 1.5, 1.6, 2.0, 2.1, 2.3, 3.0});

        assertThat(current.counts()).containsExactly(6L, 4L, 0L, 0L, 0L);
        assertThat(current.nulls()).isZero();
        assertThat(Psi.of(BASE, current)).isCloseTo(5.6831856302982935, within(1e-12));
    }

    @Test
    void one_empty_bin_against_ten_percent_adds_what_the_floor_allows() {
        BinnedProfile reference = new BinnedProfile(List.of(1.0), List.of(9L, 1L), 0, 0, 2);
        BinnedProfile actual = new BinnedProfile(List.of(1.0), List.of(10L, 0L), 0, 0, 0.5);

        double emptyBin = (0.1 - Psi.SHARE_FLOOR) * Math.log(0.1 / Psi.SHARE_FLOOR);
        double fullBin = (1.0 - 0.9) * Math.log(1.0 / 0.9);
        assertThat(Psi.of(reference, actual)).isCloseTo(emptyBin + fullBin, within(1e-12));
    }

    @Test
    void psi_is_symmetric() {
        BinnedProfile current = BASE.countsOf(new double[] {0.1, 9.0, NULL, 4.4});

        assertThat(Psi.of(current, BASE)).isCloseTo(Psi.of(BASE, current), within(1e-15));
    }

    @Test
    void profiles_over_different_edges_are_refused() {
        BinnedProfile other = BinnedProfile.fit(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 3);
        BinnedProfile sameCount = new BinnedProfile(List.of(1.9, 3.3, 4.5, 7.0), List.of(1L, 1L, 1L, 1L, 1L), 0, 0, 9);

        assertThatThrownBy(() -> Psi.of(BASE, other))
                .hasMessage("the profiles have different bin edges (4 edges in the reference, 2 in the other);"
                        + " profile new data with reference.countsOf(values)");
        assertThatThrownBy(() -> Psi.of(BASE, sameCount))
                .hasMessage("the profiles have different bin edges (edge 2 is 4.4 in the reference, 4.5 in the other);"
                        + " profile new data with reference.countsOf(values)");
    }
}
