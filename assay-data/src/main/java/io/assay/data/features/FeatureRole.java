package io.assay.data.features;

/**
 * What an output column of a feature view is for. Attributes (gender, age band, segment) ride
 * beside the features so fairness and segment checks can group by them; a trainer never takes
 * them as model inputs unless the view declares them a feature.
 */
public enum FeatureRole {
    FEATURE,
    ATTRIBUTE
}
