package io.assay.cli.users;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assay.cli.CommandContext;
import io.assay.cli.Output;
import io.assay.cli.Session;
import io.assay.cli.models.Roles;
import io.assay.core.access.User;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = "People and applications, and their roles (changes need ADMIN and are audited).",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.SetRoles.class, UsersCommand.Deactivate.class})
public final class UsersCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ObjectNode view(User user) {
        ObjectNode node = Output.JSON.createObjectNode().put("name", user.name()).put("active", user.active())
                .put("created_by", user.createdBy()).put("created_at", user.createdAt().toString());
        user.roles().stream().sorted().forEach(role -> node.withArray("roles").add(role.name()));
        return node;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user with roles.")
    static final class Add implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(index = "0", description = "User name")
        String name;

        @Option(names = "--roles", required = true, split = ",", description = "Roles, comma-separated")
        List<String> roles;

        Add(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession()) {
                User user = session.users().addUser(session.config().actor(), name, Roles.parse(roles), session.requestId());
                context.output().result(view(user), out -> out.printf("Added %s with %s%n", user.name(), user.roles()));
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.")
    static final class ListUsers implements Callable<Integer> {
        private final CommandContext context;

        ListUsers(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession()) {
                List<User> users = session.users().list();
                ArrayNode rows = Output.JSON.createArrayNode();
                users.forEach(user -> rows.add(view(user)));
                context.output().result(rows, out -> users.forEach(user -> out.printf("%-16s %-8s %s%n", user.name(),
                        user.active() ? "active" : "inactive", user.roles().stream().sorted().toList())));
                return 0;
            }
        }
    }

    @Command(name = "roles", mixinStandardHelpOptions = true,
            description = "Replace a user's roles. Taking a reviewer role away voids their approvals at the next promotion.")
    static final class SetRoles implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(index = "0", description = "User name")
        String name;

        @Option(names = "--set", required = true, split = ",", description = "The roles the user holds from now, comma-separated")
        List<String> roles;

        SetRoles(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession()) {
                User user = session.users().setRoles(session.config().actor(), name, Roles.parse(roles), session.requestId());
                context.output().result(view(user), out -> out.printf("%s now holds %s%n", user.name(), user.roles()));
                return 0;
            }
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Stop a user from acting; their record stays.")
    static final class Deactivate implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(index = "0", description = "User name")
        String name;

        Deactivate(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession()) {
                User user = session.users().deactivate(session.config().actor(), name, session.requestId());
                context.output().result(view(user), out -> out.printf("%s is deactivated%n", user.name()));
                return 0;
            }
        }
    }
}
