package io.assay.core.registry;

import io.assay.core.common.Names;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Why a version was sent back: one point to fix, optionally tied to the gate it concerns. */
public record Finding(String text, Optional<String> gate) {
    public Finding {
        text = Names.requireText("finding", text, 2000);
        requireNonNull(gate, "gate is null");
        gate.ifPresent(name -> RegistryNames.requireIdentifier("gate name", name));
    }

    public static Finding of(String text) {
        return new Finding(text, Optional.empty());
    }
}
