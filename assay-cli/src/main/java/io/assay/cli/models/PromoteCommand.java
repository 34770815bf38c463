package io.assay.cli.models;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.registry.ModelVersion;
import io.assay.core.registry.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Put a TESTED version into production (MLOps). It replaces the version in production, which is retired; "
                + "if production changes while you decide, nothing happens and you are told.")
final class PromoteCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(index = "0", description = "Use case")
    String useCase;

    @Parameters(index = "1", description = "Version number")
    int number;

    @Option(names = "--replaces", description = "The version you expect in production now, or 'none' (default: what is there now)")
    Optional<String> replaces;

    PromoteCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Session session = context.openSession()) {
            Optional<Integer> expected = replaces.isPresent() ? parse(replaces.get()) : session.registry().versions(useCase).stream()
                    .filter(v -> v.stage() == Stage.PRODUCTION).map(ModelVersion::number).findFirst();
            var version = session.registry().promote(session.config().actor(), useCase, number, expected, session.requestId());
            VersionResult.print(context, session, version, expected.map(n -> "Promoted, replacing v" + n).orElse("Promoted"));
            return 0;
        }
    }

    private static Optional<Integer> parse(String value) {
        if (value.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.startsWith("v") ? value.substring(1) : value));
        } catch (NumberFormatException e) {
            throw AssayException.invalid("--replaces " + Names.quoted(value) + " is neither a version number nor 'none'");
        }
    }
}
