package io.assay.core.registry;

public enum Decision {
    APPROVE,
    REJECT
}
