package io.assay.data.features;

import io.assay.core.common.Names;
import io.assay.core.error.AssayException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The feature views and use-case labels in force: the starter ones shipped with Assay, each
 * replaced by a folder of the same name in the home's {@code features} (or {@code labels})
 * folder when the bank has written its own, beside any new ones the bank adds there.
 */
public final class FeatureDefinitions {
    private final SortedMap<String, FeatureView> views;
    private final SortedMap<String, LabelDefinition> labels;

    private FeatureDefinitions(SortedMap<String, FeatureView> views, SortedMap<String, LabelDefinition> labels) {
        this.views = views;
        this.labels = labels;
    }

    /** The shipped definitions, overlaid by {@code <home>/features/*} and {@code <home>/labels/*}. */
    public static FeatureDefinitions load(Path featureFolder, Path labelFolder) {
        SortedMap<String, FeatureView> views = new TreeMap<>();
        for (String name : index("/features/index.txt")) {
            String base = "/features/" + name + "/";
            views.put(name, DefinitionFiles.view("(shipped) features/" + name + "/view.yaml", name,
                    resource(base + "view.yaml"), resource(base + "view.sql")));
        }
        for (Path folder : folders(featureFolder)) {
            String name = folder.getFileName().toString();
            views.put(name, DefinitionFiles.view(folder.resolve("view.yaml").toString(), name,
                    file(folder.resolve("view.yaml")), file(folder.resolve("view.sql"))));
        }
        SortedMap<String, LabelDefinition> labels = new TreeMap<>();
        for (String useCase : index("/labels/index.txt")) {
            String base = "/labels/" + useCase + "/";
            labels.put(useCase, DefinitionFiles.label("(shipped) labels/" + useCase + "/label.yaml", useCase,
                    resource(base + "label.yaml"), name -> resource(base + name)));
        }
        for (Path folder : folders(labelFolder)) {
            String useCase = folder.getFileName().toString();
            labels.put(useCase, DefinitionFiles.label(folder.resolve("label.yaml").toString(), useCase, file(folder.resolve("label.yaml")),
                    name -> file(folder.resolve(name))));
        }
        for (LabelDefinition label : labels.values()) {
            for (String view : label.features()) {
                FeatureView found = views.get(view);
                if (found == null) {
                    throw DefinitionFiles.invalid(label.source(), "names feature view '" + view + "', which does not exist; views: "
                            + String.join(", ", views.keySet()));
                }
                if (!found.entity().equals(label.entity())) {
                    throw DefinitionFiles.invalid(label.source(), "has entity " + label.entity() + " but its view " + view
                            + " has entity " + found.entity());
                }
            }
        }
        return new FeatureDefinitions(views, labels);
    }

    public SortedMap<String, FeatureView> views() {
        return Collections.unmodifiableSortedMap(views);
    }

    public SortedMap<String, LabelDefinition> labels() {
        return Collections.unmodifiableSortedMap(labels);
    }

    public FeatureView view(String name) {
        FeatureView view = name == null ? null : views.get(name);
        if (view == null) {
            throw AssayException.notFound("no feature view " + Names.quoted(name) + "; views: " + String.join(", ", views.keySet())
                    + " (list them with: assay features list)");
        }
        return view;
    }

    public LabelDefinition label(String useCase) {
        LabelDefinition label = useCase == null ? null : labels.get(useCase);
        if (label == null) {
            throw AssayException.notFound("no label definition for use case " + Names.quoted(useCase) + "; use cases with one: "
                    + String.join(", ", labels.keySet()));
        }
        return label;
    }

    private static List<String> index(String resource) {
        return resource(resource).lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static String resource(String name) {
        try (InputStream in = FeatureDefinitions.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the build is missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String file(Path path) {
        if (!Files.isRegularFile(path)) {
            return null;
        }
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw DefinitionFiles.invalid(path.toString(), "cannot be read: " + e.getMessage());
        }
    }

    private static List<Path> folders(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(Files::isDirectory)
                    .filter(folder -> !folder.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
