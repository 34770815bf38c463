package io.assay.testing;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh schema in the PostgreSQL that tests run against (default 127.0.0.1:5432/test as
 * postgres), dropped on close so runs never collide. Without a reachable server the tests are
 * skipped with the reason printed — unless PostgreSQL is required (CI=true, or
 * -Dassay.postgres.required=true), in which case they fail.
 */
public final class PostgresTestDatabase implements AutoCloseable {
    private final String baseUrl;
    private final String user;
    private final String schema;

    private PostgresTestDatabase(String baseUrl, String user, String schema) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.schema = schema;
    }

    public static PostgresTestDatabase createOrSkip() {
        String url = System.getProperty("assay.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("assay.postgres.user", "postgres");
        String schema = "assay_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String reason = "PostgreSQL not reachable at " + url + " as " + user + " (" + e.getMessage() + ")";
            if (required()) {
                throw new AssertionError(reason + "; it is required here (CI=true or -Dassay.postgres.required=true)", e);
            }
            System.err.println(reason + "; skipping the PostgreSQL tests");
            Assumptions.abort(reason);
        }
        return new PostgresTestDatabase(url, user, schema);
    }

    public static boolean required() {
        return Boolean.getBoolean("assay.postgres.required") || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The JDBC URL of this test's own schema. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String user() {
        return user;
    }

    @Override
    public void close() {
        try (Connection connection = DriverManager.getConnection(baseUrl, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }
}
