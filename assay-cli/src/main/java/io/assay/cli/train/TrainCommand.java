package io.assay.cli.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.assay.api.Requests;
import io.assay.api.TrainingApi;
import io.assay.api.TrainingViews.RunView;
import io.assay.cli.CommandContext;
import io.assay.cli.Progress;
import io.assay.cli.Session;
import io.assay.core.error.AssayException;
import io.assay.train.model.TrainingProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on a training set and record the run: parameters, figures on validation and the out-of-time "
                + "test (per segment too), importance, a reference profile, provenance. Judged through the compiled scorer.")
public final class TrainCommand implements Callable<Integer> {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final CommandContext context;

    @Option(names = "--use-case", required = true, description = "The use case")
    String useCase;

    @Option(names = "--trainset", required = true, description = "A training set of the use case (see: assay trainset list)")
    String trainset;

    @Option(names = "--algorithm", defaultValue = "xgboost", description = "xgboost or logistic (default: ${DEFAULT-VALUE})")
    String algorithm;

    @Option(names = "--params", description = "YAML or JSON of parameters by name, e.g. {max_depth: 4, eta: 0.05}")
    Path params;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "One parameter; repeatable, wins over --params")
    Map<String, String> param = new LinkedHashMap<>();

    TrainCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, String> parameters = new LinkedHashMap<>(params == null ? Map.of() : read(params));
        parameters.putAll(param);
        Progress[] bar = new Progress[1];
        TrainingProgress progress = (round, rounds, metric, value) -> {
            if (bar[0] == null) {
                bar[0] = context.output().progress("training", rounds);
            }
            bar[0].update(round, metric + " " + String.format("%.5f", value));
        };
        try (Session session = context.openSession(); TrainingApi training = session.training(progress)) {
            RunView run = training.train(new Requests.Train(useCase, trainset, Optional.of(algorithm), Optional.of(parameters)));
            context.output().result(run, out -> {
                TrainText.summary(out, run);
                out.printf("Register it with: %s%n", context.command("models register " + useCase + " --run " + run.id()
                        + " --spec SPEC.yaml"));
            });
            return 0;
        }
    }

    private static Map<String, String> read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw AssayException.invalid("parameters file " + file.getFileName() + " is not valid YAML or JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw AssayException.invalid("parameters file " + file.getFileName() + " is not a mapping of parameter names to values");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> {
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                throw AssayException.invalid("parameter " + field.getKey() + " in " + file.getFileName() + " is not a single value");
            }
            parameters.put(field.getKey(), field.getValue().asText());
        });
        if (!Files.isRegularFile(file)) {
            throw AssayException.invalid("parameters file " + file + " is not a file");
        }
        return parameters;
    }
}
