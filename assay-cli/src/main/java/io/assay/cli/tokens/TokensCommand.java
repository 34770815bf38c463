package io.assay.cli.tokens;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.api.Governance;
import io.assay.api.Requests;
import io.assay.api.TokenView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = "API tokens for users and business applications (ADMIN). The secret is printed once; Assay keeps its hash.",
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
public final class TokensCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Issue a token for a user; prints its secret once.")
    static final class Create implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--user", required = true, description = "Who the token acts for")
        String user;

        @Option(names = "--label", defaultValue = "cli", description = "What it is for, e.g. 'crm production'")
        String label;

        @Option(names = "--expires", description = "Last valid day, yyyy-MM-dd or +180d (valid to its end, UTC); default: no expiry")
        Optional<LocalDate> expires;

        Create(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession(); Governance as = session.governance()) {
                TokenView issued = as.createToken(new Requests.CreateToken(user, Optional.of(label), expires));
                context.output().result(issued, out -> {
                    out.printf("Token %s for %s (%s), %s:%n%n  %s%n%n", issued.id(), user, label, issued.expiresAt()
                            .map(at -> "valid until " + at + " (the end of " + expires.orElseThrow() + ", UTC)").orElse("without expiry"),
                            issued.token().orElseThrow());
                    out.println("Store it now: Assay keeps only its hash and cannot show it again.");
                });
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--user", description = "Only this user's tokens")
        Optional<String> user;

        ListTokens(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession(); Governance as = session.governance()) {
                List<TokenView> tokens = as.tokens(user);
                context.output().result(tokens, out -> {
                    out.printf("%-16s %-16s %-9s %-22s %s%n", "TOKEN", "USER", "STATE", "EXPIRES", "LABEL");
                    tokens.forEach(token -> out.printf("%-16s %-16s %-9s %-22s %s%n", token.id(), token.user(),
                            token.revokedAt().isPresent() ? "revoked" : "live", token.expiresAt().map(Object::toString).orElse("never"),
                            token.label()));
                });
                return 0;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token at once.")
    static final class Revoke implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(index = "0", description = "Token id (from 'tokens list')")
        String id;

        Revoke(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession(); Governance as = session.governance()) {
                TokenView token = as.revokeToken(id);
                context.output().result(token, out -> out.printf("Token %s of %s is revoked%n", token.id(), token.user()));
                return 0;
            }
        }
    }
}
