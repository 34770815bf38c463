package io.assay.serving;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

class CanarySplitTest {
    @Property
    void a_customer_has_one_bucket_from_0_to_99_on_every_call(@ForAll @StringLength(min = 1, max = 64) String token) {
        int bucket = CanarySplit.bucket("churn", token);
        assertThat(bucket).isBetween(0, 99).isEqualTo(CanarySplit.bucket("churn", token));
    }

    @Property(tries = 20)
    void buckets_spread_customers_evenly(@ForAll @StringLength(min = 1, max = 8) String prefix) {
        int[] counts = new int[10];
        for (int i = 0; i < 10_000; i++) {
            counts[CanarySplit.bucket("overdraft-40d", prefix + i) / 10]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(850, 1150);
        }
    }
}
