package io.assay.api;

/**
 * What one signed-in person can do with the registry, its routing, users, tokens and audit log,
 * in wire terms, one interface per resource. Two implementations keep the CLI's two modes the
 * same: the in-process one runs on a home (and behind every REST route), the HTTP client talks
 * to a running server. Errors are {@link io.assay.core.error.AssayException}s with the same codes
 * either way.
 */
public interface Governance extends RegistryApi, RoutingApi, AccessApi, AuditApi, AutoCloseable {
    @Override
    void close();
}
