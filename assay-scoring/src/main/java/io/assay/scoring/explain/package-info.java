/** Why a model scored a row as it did: the explainer of each kind of compiled scorer. */
package io.assay.scoring.explain;
