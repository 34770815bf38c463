package io.assay.cli.tokens;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.cli.CommandContext;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.core.access.ApiToken;
import io.assay.core.access.TokenService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.LocalDate;
import java.time.ZoneOffset;
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

    static TokenService service(Session session, CommandContext context) {
        session.users();
        return new TokenService(session.registryStore(), context.environment().clock());
    }

    static ObjectNode view(ApiToken token) {
        ObjectNode node = Output.JSON.createObjectNode().put("id", token.id()).put("user", token.user()).put("label", token.label())
                .put("created_by", token.createdBy()).put("created_at", token.createdAt().toString());
        token.expiresAt().ifPresentOrElse(at -> node.put("expires_at", at.toString()), () -> node.putNull("expires_at"));
        token.revokedAt().ifPresentOrElse(at -> node.put("revoked_at", at.toString()), () -> node.putNull("revoked_at"));
        return node;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Issue a token for a user; prints its secret once.")
    static final class Create implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--user", required = true, description = "Who the token acts for")
        String user;

        @Option(names = "--label", defaultValue = "cli", description = "What it is for, e.g. 'crm production'")
        String label;

        @Option(names = "--expires", description = "Last valid day, yyyy-MM-dd (UTC); default: no expiry")
        Optional<LocalDate> expires;

        Create(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession()) {
                TokenService.Issued issued = service(session, context).create(session.config().actor(), user, label,
                        expires.map(day -> day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)), session.requestId());
                ObjectNode node = view(issued.token()).put("token", issued.secret());
                context.output().result(node, out -> {
                    out.printf("Token %s for %s (%s):%n%n  %s%n%n", issued.token().id(), user, label, issued.secret());
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
            try (Session session = context.openSession()) {
                List<ApiToken> tokens = service(session, context).list(user);
                ArrayNode rows = Output.JSON.createArrayNode();
                tokens.forEach(token -> rows.add(view(token)));
                context.output().result(rows, out -> tokens.forEach(token -> out.printf("%-16s %-16s %-9s %s%n", token.id(),
                        token.user(), token.revokedAt().isPresent() ? "revoked" : "live", token.label())));
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
            try (Session session = context.openSession()) {
                ApiToken token = service(session, context).revoke(session.config().actor(), id, session.requestId());
                context.output().result(view(token), out -> out.printf("Token %s of %s is revoked%n", token.id(), token.user()));
                return 0;
            }
        }
    }
}
