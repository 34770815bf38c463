package io.assay.server.scoring;

import io.assay.core.registry.Objection;
import io.assay.core.registry.RegistryStore;
import io.assay.serving.MarketingObjections;

import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/** The objection registry as the data plane holds it: read from the registry at each refresh, asked from memory per request. */
final class ObjectionsOnRecord implements MarketingObjections {
    private final RegistryStore store;
    private volatile Set<String> customers = Set.of();

    ObjectionsOnRecord(RegistryStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    void refresh() {
        customers = store.listObjections().stream().map(Objection::customer).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean objects(String customerToken) {
        return customers.contains(customerToken);
    }
}
