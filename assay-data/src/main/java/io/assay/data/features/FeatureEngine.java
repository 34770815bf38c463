package io.assay.data.features;

import io.assay.core.access.Permission;
import io.assay.core.audit.AuditEntry;
import io.assay.core.audit.AuditLog;
import io.assay.core.common.IdSource;
import io.assay.core.common.Names;
import io.assay.core.data.DataAccessService;
import io.assay.core.data.DataCatalog;
import io.assay.core.error.AssayException;
import io.assay.data.DataLayout;
import io.assay.data.contract.Contracts;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Feature views, labels, training sets and serving tables on one Assay home. Reading the
 * definitions and what was built takes the data catalog's permission; building takes a live
 * grant on every table read, and each build is a logged read. Every publication is an audit
 * event. The definitions are read afresh per call, so a bank's edited view counts at once.
 */
public final class FeatureEngine {
    private final DataLayout layout;
    private final DataAccessService access;
    private final AuditLog audit;
    private final Clock clock;
    private final IdSource ids;
    private final FeatureBuilder builder;
    private final TrainingSetBuilder trainingSets;
    private final ServingTables serving;

    public FeatureEngine(DataLayout layout, DataCatalog catalog, Contracts contracts, DataAccessService access, AuditLog audit,
                         Clock clock, IdSource ids) {
        this.layout = requireNonNull(layout, "layout is null");
        this.access = requireNonNull(access, "access is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.builder = new FeatureBuilder(layout, catalog, contracts, access, clock);
        this.trainingSets = new TrainingSetBuilder(layout, catalog, contracts, access, builder, clock);
        this.serving = new ServingTables(layout, catalog, access, builder, clock);
    }

    public FeatureDefinitions definitions(String actor) {
        access.require(actor, Permission.READ_DATA_CATALOG);
        return definitions();
    }

    public Published<FeatureBuild> build(String actor, String view, LocalDate asOf) {
        access.require(actor, Permission.QUERY_DATA);
        Published<FeatureBuild> built = builder.build(actor, definitions().view(view), asOf);
        if (built.published()) {
            record(actor, "features.build", "view:" + view, built.value().id() + " sha256:" + built.value().contentSha256());
        }
        return built;
    }

    public List<FeatureBuild> builds(String actor, Optional<String> view) {
        access.require(actor, Permission.READ_DATA_CATALOG);
        return builder.builds(view);
    }

    public Path dataFile(FeatureBuild build) {
        return builder.dataFile(build);
    }

    /**
     * Copies a published build's Parquet file out of the data environment, for the data
     * scientist's own work: a read like any other, so it takes a live grant on every table the
     * build read and is logged.
     */
    public Path export(String actor, String buildId, Path target) {
        access.require(actor, Permission.QUERY_DATA);
        FeatureBuild build = builder.builds(Optional.empty()).stream().filter(b -> b.id().equals(buildId)).findFirst()
                .orElseThrow(() -> AssayException.notFound("no feature build " + Names.quoted(buildId)
                        + "; list them with: assay features builds"));
        access.authoriseRead(actor, build.inputs().stream().map(FeatureBuild.Input::table).distinct().sorted().toList(),
                "export of feature build " + build.id() + " to a file");
        try {
            io.assay.data.DurableFiles.writeAtomically(target, java.nio.file.Files.readAllBytes(builder.dataFile(build)));
        } catch (java.io.IOException e) {
            throw AssayException.invalid("cannot write " + target + ": " + e.getMessage());
        }
        return target.toAbsolutePath();
    }

    public Published<TrainingSet> buildTrainingSet(String actor, String useCase, List<LocalDate> asOfs, Optional<String> population) {
        access.require(actor, Permission.QUERY_DATA);
        FeatureDefinitions definitions = definitions();
        LabelDefinition label = definitions.label(useCase);
        Published<TrainingSet> built = trainingSets.build(actor, label, label.features().stream().map(definitions::view).toList(),
                asOfs, population.orElse(LabelDefinition.DEFAULT_POPULATION));
        if (built.published()) {
            record(actor, "trainset.build", "use_case:" + useCase, built.value().id() + " sha256:"
                    + built.value().contentSha256());
        }
        return built;
    }

    public List<TrainingSet> trainingSets(String actor, Optional<String> useCase) {
        access.require(actor, Permission.READ_DATA_CATALOG);
        return trainingSets.trainingSets(useCase);
    }

    public TrainingSet trainingSet(String actor, String id) {
        return trainingSets(actor, Optional.empty()).stream().filter(set -> set.id().equals(id)).findFirst()
                .orElseThrow(() -> AssayException.notFound("no training set " + Names.quoted(id)
                        + "; list them with: assay trainset list"));
    }

    public Path dataFile(TrainingSet set) {
        return trainingSets.dataFile(set);
    }

    /**
     * Authorises and logs a read of a training set's rows (to train on it, say): it holds what its
     * feature builds read, so it takes a live grant on every table they read.
     */
    public io.assay.core.data.DataRead authoriseRead(String actor, TrainingSet set, String what) {
        return access.authoriseRead(actor, inputsOf(set).stream().map(FeatureBuild.Input::table).distinct().sorted().toList(), what);
    }

    /** The snapshots a training set was built from, through its feature builds. */
    public List<FeatureBuild.Input> inputsOf(TrainingSet set) {
        return builder.builds(Optional.empty()).stream().filter(build -> set.featureBuilds().contains(build.id()))
                .flatMap(build -> build.inputs().stream()).distinct().toList();
    }

    /** Publishes the serving feature table of every use case (or of one) as of {@code asOf}. */
    public List<ServingTable> materialize(String actor, LocalDate asOf, Optional<String> useCase) {
        access.require(actor, Permission.QUERY_DATA);
        FeatureDefinitions definitions = definitions();
        List<LabelDefinition> useCases = useCase.map(name -> List.of(definitions.label(name)))
                .orElseGet(() -> List.copyOf(definitions.labels().values()));
        List<ServingTable> tables = new ArrayList<>();
        for (LabelDefinition label : useCases) {
            ServingTable table = serving.materialize(actor, label, label.features().stream().map(definitions::view).toList(), asOf);
            record(actor, "features.materialize", "use_case:" + label.useCase(), table.id() + " sha256:" + table.contentSha256());
            tables.add(table);
        }
        return tables;
    }

    public Optional<ServingTable> servingTable(String actor, String useCase) {
        access.require(actor, Permission.READ_DATA_CATALOG);
        return serving.current(useCase);
    }

    /**
     * The serving table the data plane loads: the one {@code current.json} points at, read by the
     * platform to answer the business, not by a person, so no grant is asked.
     */
    public Optional<ServingTable> publishedServingTable(String useCase) {
        return serving.current(useCase);
    }

    public Path dataFile(ServingTable table) {
        return serving.dataFile(table);
    }

    private FeatureDefinitions definitions() {
        return FeatureDefinitions.load(layout.home().resolve("features"), layout.home().resolve("labels"));
    }

    private void record(String actor, String action, String subject, String after) {
        audit.append(new AuditEntry(clock.instant().truncatedTo(ChronoUnit.MICROS), actor, action, subject, "-", after,
                "published", ids.next("req")));
    }
}
