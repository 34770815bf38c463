package io.assay.core.registry;

/** How much harm a wrong decision by the model can do; a HIGH tier cannot waive any reviewer. */
public enum RiskTier {
    LOW,
    MEDIUM,
    HIGH
}
