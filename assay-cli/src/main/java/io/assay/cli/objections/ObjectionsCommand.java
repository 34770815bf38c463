package io.assay.cli.objections;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.core.registry.Objection;
import io.assay.core.registry.ObjectionService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "objections", mixinStandardHelpOptions = true,
        description = "Customers' objections to marketing (GDPR Art. 21), kept by token (DATA_STEWARD): no use case defined as "
                + "marketing scores an objecting customer; online it answers \"suppressed\", and each suppression is logged. "
                + "On the local home; a running server picks a change up within a second.",
        subcommands = {ObjectionsCommand.Add.class, ObjectionsCommand.Remove.class, ObjectionsCommand.ListObjections.class})
public final class ObjectionsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static ObjectionService objections(Session session) {
        return new ObjectionService(session.registryStore(), session.services().clock());
    }

    /** The raw id is tokenised as ingestion tokenises it and never kept. */
    private static String token(Session session, String rawId) {
        return session.services().data().customerToken(rawId);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Record a customer's objection, by their raw customer id.")
    static final class Add implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--customer-id", required = true, description = "The customer's id as the bank knows it (tokenised on entry)")
        String customerId;

        @Option(names = "--note", required = true, description = "Where the objection came from, e.g. 'letter of 2026-11-30'")
        String note;

        Add(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession()) {
                Objection added = objections(session).add(session.config().actor(), token(session, customerId), note, session.requestId());
                context.output().result(added, out -> out.printf("Customer %s objects to marketing from %s; marketing use cases no "
                        + "longer score them%n", added.customer(), added.recordedAt()));
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Withdraw a customer's objection, by their raw customer id.")
    static final class Remove implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = "--customer-id", required = true, description = "The customer's id as the bank knows it")
        String customerId;

        @Option(names = "--reason", required = true, description = "Why, e.g. 'customer consented again on 2026-12-03'")
        String reason;

        Remove(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession()) {
                Objection removed = objections(session).remove(session.config().actor(), token(session, customerId), reason,
                        session.requestId());
                context.output().result(removed, out -> out.printf("Customer %s no longer objects to marketing%n", removed.customer()));
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every objection on record, by token.")
    static final class ListObjections implements Callable<Integer> {
        private final CommandContext context;

        ListObjections(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession()) {
                List<Objection> all = objections(session).list(session.config().actor());
                context.output().result(all, out -> {
                    out.printf("%-34s %-16s %-28s %s%n", "CUSTOMER", "RECORDED BY", "RECORDED AT", "NOTE");
                    all.forEach(o -> out.printf("%-34s %-16s %-28s %s%n", o.customer(), o.recordedBy(), o.recordedAt(), o.note()));
                });
                return 0;
            }
        }
    }
}
