package io.assay.server.local;

import io.assay.api.FeatureViews.AsOfView;
import io.assay.api.FeatureViews.BuildView;
import io.assay.api.FeatureViews.ColumnView;
import io.assay.api.FeatureViews.InputView;
import io.assay.api.FeatureViews.LabelView;
import io.assay.api.FeatureViews.ProfileView;
import io.assay.api.FeatureViews.ServingTableView;
import io.assay.api.FeatureViews.SplitView;
import io.assay.api.FeatureViews.TrainingSetView;
import io.assay.api.FeatureViews.ViewView;
import io.assay.api.FeaturesApi;
import io.assay.api.Parse;
import io.assay.api.Requests;
import io.assay.data.features.FeatureBuild;
import io.assay.data.features.FeatureEngine;
import io.assay.data.features.FeatureView;
import io.assay.data.features.LabelDefinition;
import io.assay.data.features.ServingTable;
import io.assay.data.features.TrainingSet;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Features, labels and training sets in-process, acting as one named person: one call on the
 * feature engine (which asks the core who may), answered with wire records. It serves the local
 * CLI and every feature route of the server alike.
 */
public final class LocalFeatures implements FeaturesApi {
    private final FeatureEngine features;
    private final String actor;

    public LocalFeatures(FeatureEngine features, String actor) {
        this.features = requireNonNull(features, "features is null");
        this.actor = requireNonNull(actor, "actor is null");
    }

    @Override
    public List<ViewView> views() {
        return features.definitions(actor).views().values().stream().map(LocalFeatures::view).toList();
    }

    @Override
    public ViewView view(String name) {
        return view(features.definitions(actor).view(name));
    }

    @Override
    public List<LabelView> labels() {
        return features.definitions(actor).labels().values().stream().map(LocalFeatures::label).toList();
    }

    @Override
    public BuildView build(String view, LocalDate asOf) {
        var built = features.build(actor, Parse.required("view", view), Parse.required("as-of", asOf));
        return build(built.value(), built.published());
    }

    @Override
    public List<BuildView> builds(Optional<String> view) {
        return features.builds(actor, view).stream().map(build -> build(build, false)).toList();
    }

    @Override
    public TrainingSetView buildTrainingSet(Requests.BuildTrainingSet request) {
        Parse.required("body", request);
        var built = features.buildTrainingSet(actor, Parse.required("use case", request.useCase()),
                Parse.required("as-of dates", request.asOfs()), request.population());
        return trainingSet(built.value(), built.published());
    }

    @Override
    public List<TrainingSetView> trainingSets(Optional<String> useCase) {
        return features.trainingSets(actor, useCase).stream().map(set -> trainingSet(set, false)).toList();
    }

    @Override
    public TrainingSetView trainingSet(String id) {
        return trainingSet(features.trainingSet(actor, id), false);
    }

    @Override
    public List<ServingTableView> materialize(LocalDate asOf, Optional<String> useCase) {
        return features.materialize(actor, Parse.required("as-of", asOf), useCase).stream().map(LocalFeatures::serving).toList();
    }

    @Override
    public void close() {
        // the composition root owns the feature engine
    }

    private static ViewView view(FeatureView view) {
        return new ViewView(view.name(), view.version(), view.entity(), view.description(), view.owner(), view.source(), view.sqlSha256(),
                view.columns().stream().map(c -> new ColumnView(c.name(), c.type().name(), c.role().name(), c.nullable(), c.description(),
                        c.owner())).toList(), view.sql());
    }

    private static LabelView label(LabelDefinition label) {
        return new LabelView(label.useCase(), label.version(), label.entity(), label.description(), label.owner(), label.horizonDays(),
                label.features(), List.copyOf(label.populations().keySet()), label.source());
    }

    private static BuildView build(FeatureBuild build, boolean published) {
        return new BuildView(build.id(), build.view(), build.viewVersion(), build.sqlSha256(), build.entity(), build.asOf(), build.rows(),
                build.contentSha256(), build.columns().stream().map(c -> new ProfileView(c.name(), c.type().name(), c.role().name(),
                        c.nullable(), c.nulls(), c.distinct(), c.min(), c.max())).toList(), build.warnings(),
                build.inputs().stream().map(i -> new InputView(i.table(), i.businessDate(), i.snapshotId(), i.contentSha256())).toList(),
                build.readId(), build.builtBy(), build.builtAt(), build.engine(), published);
    }

    private static TrainingSetView trainingSet(TrainingSet set, boolean published) {
        Map<String, SplitView> splits = new LinkedHashMap<>();
        for (String split : TrainingSet.SPLITS) {
            TrainingSet.Split s = set.splits().get(split);
            splits.put(split, new SplitView(s.rows(), s.positives(), s.labelRate(), s.asOfs()));
        }
        return new TrainingSetView(set.id(), set.useCase(), set.labelVersion(), set.labelSqlSha256(), set.horizonDays(), set.population(),
                set.entity(), set.features(), set.attributes(), set.featureBuilds(),
                set.asOfs().stream().map(a -> new AsOfView(a.asOf(), a.split(), a.population(), a.excluded(), a.withoutLabel(),
                        a.withoutFeatures(), a.rows(), a.positives(), a.labelRate())).toList(),
                splits, set.rows(), set.labelRate(), set.contentSha256(), set.labelInputsSha256(), set.warnings(), set.readId(),
                set.builtBy(), set.builtAt(), set.engine(), published);
    }

    private static ServingTableView serving(ServingTable table) {
        return new ServingTableView(table.id(), table.useCase(), table.asOf(), table.entity(), table.featureBuilds(), table.columns(),
                table.rows(), table.contentSha256(), table.builtBy(), table.builtAt());
    }
}
