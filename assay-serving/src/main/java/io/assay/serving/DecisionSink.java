package io.assay.serving;

/**
 * Where the scoring service records each decision before its answer is sent: the
 * {@link DecisionLog} in every process Assay runs. A port so that the serving benchmark can
 * measure what the log costs a decision, against a sink that keeps nothing.
 */
public interface DecisionSink {
    /**
     * Records {@code decision}; returns once it outlives the process.
     *
     * @throws io.assay.core.error.AssayException STORAGE_FAILURE when it cannot: then the decision must not be answered
     */
    void append(Decision decision);
}
