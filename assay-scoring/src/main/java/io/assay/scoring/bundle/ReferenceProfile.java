package io.assay.scoring.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.assay.core.error.AssayException;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The training rows as drift checks will compare production with: a fixed-bin profile of every
 * input and of the score, over the train split.
 */
public record ReferenceProfile(@JsonProperty("split") String split, @JsonProperty("rows") long rows,
                               @JsonProperty("inputs") Map<String, Bins> inputs, @JsonProperty("score") Bins score) {
    public ReferenceProfile {
        requireNonNull(split, "split is null");
        inputs = new LinkedHashMap<>(requireNonNull(inputs, "inputs is null"));
        requireNonNull(score, "score is null");
    }

    /**
     * One column's bins: {@code edges} are the inner cut points (k edges make k + 1 bins; a value
     * equal to an edge falls in the bin above it), then the count per bin, the missing count, and the range.
     */
    public record Bins(@JsonProperty("edges") double[] edges, @JsonProperty("counts") long[] counts, @JsonProperty("nulls") long nulls,
                       @JsonProperty("min") Double min, @JsonProperty("max") Double max) {
        public Bins {
            requireNonNull(edges, "edges is null");
            requireNonNull(counts, "counts is null");
            if (counts.length != edges.length + 1) {
                throw AssayException.invalid("a profile with " + edges.length + " edges needs " + (edges.length + 1) + " counts, not "
                        + counts.length);
            }
            edges = edges.clone();
            counts = counts.clone();
        }
    }
}
