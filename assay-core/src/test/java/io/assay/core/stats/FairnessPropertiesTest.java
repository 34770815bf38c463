package io.assay.core.stats;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FairnessPropertiesTest {
    /** Rows of (group, selected, label), over a handful of groups so that some are tiny. */
    record Rows(String[] groups, boolean[] selected, boolean[] labels) {}

    @Provide
    Arbitrary<Rows> rows() {
        Arbitrary<List<Object>> row = Arbitraries.of("a", "b", "c", "d", "e").flatMap(group ->
                Arbitraries.of(true, false).list().ofSize(2).map(flags -> List.of(group, flags.get(0), flags.get(1))));
        return row.list().ofMinSize(1).ofMaxSize(200).map(list -> {
            String[] groups = new String[list.size()];
            boolean[] selected = new boolean[list.size()];
            boolean[] labels = new boolean[list.size()];
            for (int i = 0; i < list.size(); i++) {
                groups[i] = (String) list.get(i).get(0);
                selected[i] = (Boolean) list.get(i).get(1);
                labels[i] = (Boolean) list.get(i).get(2);
            }
            return new Rows(groups, selected, labels);
        });
    }

    @Property(tries = 500)
    void the_most_favoured_group_has_ratio_one_and_every_ratio_is_within_zero_and_one(@ForAll("rows") Rows rows) {
        Assume.that(Inputs.count(rows.selected()) > 0);

        AdverseImpact impact = AdverseImpact.of(rows.groups(), rows.selected());

        assertThat(impact.groups()).filteredOn(group -> group.group().equals(impact.mostFavoured()))
                .singleElement().satisfies(group -> assertThat(group.ratio()).isEqualTo(1.0));
        assertThat(impact.groups()).allSatisfy(group -> assertThat(group.ratio()).isBetween(0.0, 1.0));
        assertThat(impact.minimumRatio()).isEqualTo(impact.groups().stream().mapToDouble(GroupSelection::ratio).min().orElseThrow());
        assertThat(impact.groups().stream().mapToLong(GroupSelection::rows).sum()).isEqualTo(rows.groups().length);
    }

    @Property(tries = 500)
    void the_equal_opportunity_difference_is_within_zero_and_one(@ForAll("rows") Rows rows) {
        Assume.that(Inputs.count(rows.labels()) > 0);

        EqualOpportunity opportunity = EqualOpportunity.of(rows.groups(), rows.selected(), rows.labels());

        assertThat(opportunity.difference()).isBetween(0.0, 1.0);
        assertThat(opportunity.groups()).allSatisfy(group -> assertThat(Double.isNaN(group.truePositiveRate()))
                .isEqualTo(group.positives() == 0));
    }
}
