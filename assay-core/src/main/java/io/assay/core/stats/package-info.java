/**
 * The statistics that judge models in automated gates and in monitoring: binary-classification
 * metrics ({@link io.assay.core.stats.BinaryMetrics}, {@link io.assay.core.stats.BinaryEvaluation}),
 * drift between a reference profile stored at train time and later data
 * ({@link io.assay.core.stats.BinnedProfile}, {@link io.assay.core.stats.Psi}), and fairness at a
 * decision cut-off ({@link io.assay.core.stats.AdverseImpact},
 * {@link io.assay.core.stats.EqualOpportunity}).
 *
 * <p>Everything here is pure computation over arrays: no I/O, no randomness, and results that
 * depend on the values only, never on the order of the rows (each tie rule is chosen so), so
 * that a model re-evaluated from its lineage gets the same figures. Bad input — arrays of
 * different lengths, no rows, a non-finite score, a statistic that is undefined for the data —
 * is refused with {@link io.assay.core.error.AssayException#invalid(String)} rather than
 * answered with a number a gate might trust.
 */
package io.assay.core.stats;
