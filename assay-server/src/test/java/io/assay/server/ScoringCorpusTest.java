package io.assay.server;

/** The corpus against the scoring routes beside the control plane, on the server's one port. */
class ScoringCorpusTest extends ScoringCorpus {
    @Override
    int startDataPlane() {
        return server.app.port();
    }

    @Override
    void stopDataPlane() {
        // the control plane's server carries it, and is stopped with it
    }
}
