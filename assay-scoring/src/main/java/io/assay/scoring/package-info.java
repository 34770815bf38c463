/** The model bundle format and the compiled scorer that evaluation, gates and serving all score through. */
package io.assay.scoring;
