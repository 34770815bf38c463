package io.assay.train.gates;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** One gate as the platform ran it: its verdict, its figures, and a sentence naming what decided it. */
public record GateOutcome(String gate, boolean passed, Map<String, Double> figures, String detail) {
    public GateOutcome {
        requireNonNull(gate, "gate is null");
        figures = Map.copyOf(requireNonNull(figures, "figures is null"));
        requireNonNull(detail, "detail is null");
    }
}
