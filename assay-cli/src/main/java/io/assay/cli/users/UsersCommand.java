package io.assay.cli.users;

import io.assay.cli.CommandContext;
import io.assay.cli.Session;
import io.assay.api.Governance;
import io.assay.api.Requests;
import io.assay.api.UserView;
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

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user with roles.")
    static final class Add implements Callable<Integer> {
        private final CommandContext context;

        @Parameters(index = "0", description = "User name")
        String name;

        @Option(names = "--roles", required = true, split = ",", description = "Roles, comma-separated: DATA_SCIENTIST, MLOPS, "
                + "LEGAL_REVIEWER, DATA_REVIEWER, COMPLIANCE_REVIEWER, DATA_STEWARD, AUDITOR, APP, ADMIN")
        List<String> roles;

        Add(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Session session = context.openSession(); Governance as = session.governance()) {
                UserView user = as.addUser(new Requests.AddUser(name, roles));
                context.output().result(user, out -> out.printf("Added %s with %s%n", user.name(), user.roles()));
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
            try (Session session = context.openSession(); Governance as = session.governance()) {
                List<UserView> users = as.users();
                context.output().result(users, out -> {
                    out.printf("%-16s %-8s %s%n", "USER", "STATE", "ROLES");
                    users.forEach(user -> out.printf("%-16s %-8s %s%n", user.name(), user.active() ? "active" : "inactive", user.roles()));
                });
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
            try (Session session = context.openSession(); Governance as = session.governance()) {
                UserView user = as.setRoles(name, new Requests.SetRoles(roles));
                context.output().result(user, out -> out.printf("%s now holds %s%n", user.name(), user.roles()));
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
            try (Session session = context.openSession(); Governance as = session.governance()) {
                UserView user = as.deactivate(name);
                context.output().result(user, out -> out.printf("%s is deactivated%n", user.name()));
                return 0;
            }
        }
    }
}
