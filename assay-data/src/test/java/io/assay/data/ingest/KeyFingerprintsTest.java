package io.assay.data.ingest;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyFingerprintsTest {
    @Test
    void a_hundred_thousand_distinct_keys_are_certainly_free_of_repeats() {
        KeyFingerprints keys = new KeyFingerprints();
        for (int i = 0; i < 100_000; i++) {
            keys.add(String.format("T%012d", i));
        }
        assertThat(keys.mayHaveRepeats()).isFalse();

        keys.add("T000000000042");
        assertThat(keys.mayHaveRepeats()).isTrue();
    }

    /** A real repeat is never missed: the exact check may run for nothing, but never fails to run. */
    @Property(tries = 500)
    void a_repeated_key_is_always_reported(@ForAll @Size(max = 200) List<@StringLength(max = 12) String> values) {
        KeyFingerprints keys = new KeyFingerprints();
        values.forEach(keys::add);
        boolean repeated = new HashSet<>(values).size() < values.size();
        if (repeated) {
            assertThat(keys.mayHaveRepeats()).isTrue();
        }
    }
}
