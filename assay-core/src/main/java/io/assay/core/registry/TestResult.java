package io.assay.core.registry;

import io.assay.core.common.Names;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** One of the MLOps team's test-environment checks (backtest, challenger, contract compatibility, shadow run). */
public record TestResult(String test, boolean passed, String detail, List<Finding> findings, String recordedBy, Instant recordedAt) {
    public TestResult {
        RegistryNames.requireIdentifier("test name", test);
        detail = Names.requireText("test detail", detail, 4000);
        findings = List.copyOf(requireNonNull(findings, "findings is null"));
        Names.requireUserName(recordedBy);
        requireNonNull(recordedAt, "recordedAt is null");
    }
}
