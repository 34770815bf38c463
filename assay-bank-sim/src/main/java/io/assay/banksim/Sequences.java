package io.assay.banksim;

/** Running numbers for the ids that are unique per file (and, as it happens, per run). */
final class Sequences {
    long transactions;
    long productEvents;
    long digitalEvents;
}
