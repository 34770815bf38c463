/**
 * Reason codes: a versioned catalogue per use case that puts each feature's contribution into
 * words, and the top reasons of a scored row.
 */
package io.assay.scoring.reasons;
