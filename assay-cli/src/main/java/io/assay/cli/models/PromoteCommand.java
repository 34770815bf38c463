package io.assay.cli.models;

import io.assay.api.Parse;
import io.assay.api.Requests;
import io.assay.api.Governance;
import io.assay.cli.CommandContext;
import io.assay.cli.Session;
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
        try (Session session = context.openSession(); Governance as = session.governance()) {
            // Name what is in production now, so that a promotion made meanwhile by someone else is refused, not overwritten.
            Optional<Integer> expected = replaces.isPresent() ? Parse.versionOrNone("--replaces", replaces.get())
                    : as.useCase(useCase).inProduction();
            var version = as.promote(useCase, number, new Requests.Promote(Optional.of(expected.map(String::valueOf).orElse("none"))));
            VersionResult.print(context, version, expected.map(n -> "Promoted, replacing v" + n).orElse("Promoted"));
            return 0;
        }
    }
}
