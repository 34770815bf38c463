package io.assay.core.registry;

import io.assay.core.common.Names;
import io.assay.core.error.AssayException;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** Evidence: one gate's verdict on a version, with the figures behind it and the engine that computed them. */
public record GateResult(String gate, boolean passed, Map<String, Double> figures, String engineVersion, String recordedBy,
                         Instant recordedAt) {
    public GateResult {
        RegistryNames.requireIdentifier("gate name", gate);
        figures = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(figures, "figures is null")));
        figures.forEach((name, value) -> {
            RegistryNames.requireIdentifier("figure name", name);
            if (value == null || !Double.isFinite(value)) {
                throw AssayException.invalid("figure " + name + " of gate " + gate + " is not a finite number");
            }
        });
        engineVersion = Names.requireText("engine version", engineVersion, 100);
        Names.requireUserName(recordedBy);
        requireNonNull(recordedAt, "recordedAt is null");
    }
}
