/** Training runs, evaluation through the production scorer, the platform's gates, and reproduce-and-compare. */
package io.assay.train;
