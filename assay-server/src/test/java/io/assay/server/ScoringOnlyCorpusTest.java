package io.assay.server;

import io.assay.core.registry.Environment;
import io.assay.store.DatabaseConfig;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The corpus against the scoring-only process ({@code assay serve}): its own lean server over
 * the same home, authenticating from a snapshot of the tokens, answering the same problems.
 */
class ScoringOnlyCorpusTest extends ScoringCorpus {
    private ServingApp serving;

    @Override
    int startDataPlane() {
        serving = ServingApp.start(ServerConfig.from(Map.of(), "admin").withPort(0), Environment.PRODUCTION, DatabaseConfig.embedded(home),
                home, Optional.empty(), Clock.systemUTC());
        return serving.port();
    }

    @Override
    void stopDataPlane() {
        if (serving != null) {
            serving.close();
        }
    }
}
