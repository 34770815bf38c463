package io.assay.store;

import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.testing.DataFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {
    @TempDir
    Path home;

    @Test
    void the_embedded_default_lives_in_the_home_and_survives_a_reopen() {
        DatabaseConfig config = DatabaseConfig.embedded(home);
        assertThat(config.isEmbedded()).isTrue();
        assertThat(config.url()).contains(home.resolve("metadata").toString());

        Database.open(config).dataCatalog().recordSnapshot(DataFixtures.snapshot("customers", LocalDate.of(2026, 11, 27), "a"));
        assertThat(Database.open(config).dataCatalog().listSnapshots(Optional.empty())).hasSize(1);
        assertThat(Files.exists(home.resolve("metadata"))).isTrue();
    }

    @Test
    void embedded_commits_are_synced_to_disk_before_they_return() throws Exception {
        try (Database database = Database.open(DatabaseConfig.embedded(home));
             java.sql.Connection connection = database.dataSource().getConnection();
             java.sql.Statement pragma = connection.createStatement()) {
            assertThat(single(pragma, "PRAGMA journal_mode")).isEqualTo("wal");
            // 2 is FULL: the write-ahead log is synced at every commit, so an answered change survives a crash or a power cut.
            assertThat(single(pragma, "PRAGMA synchronous")).isEqualTo("2");
            assertThat(single(pragma, "PRAGMA foreign_keys")).isEqualTo("1");
        }
    }

    @Test
    void a_home_with_metadata_of_the_earlier_h2_format_is_refused_by_name_and_left_alone() throws Exception {
        Path legacy = Files.createDirectories(home.resolve("metadata")).resolve("assay.mv.db");
        Files.writeString(legacy, "H2 file");

        assertThatThrownBy(() -> Database.open(DatabaseConfig.embedded(home)))
                .isInstanceOf(AssayException.class)
                .hasMessageContaining("earlier Assay in H2's format")
                .hasMessageContaining("--home")
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.CONFIGURATION);
        assertThat(home.resolve("metadata/assay.db")).doesNotExist();
        assertThat(Files.readString(legacy)).isEqualTo("H2 file");
    }

    @Test
    void the_password_never_shows() {
        DatabaseConfig config = new DatabaseConfig("jdbc:postgresql://db:5432/assay?password=inline-secret", "assay", "s3cret");

        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("inline-secret").contains("(set)");
        assertThat(config.describe()).isEqualTo("PostgreSQL jdbc:postgresql://db:5432/assay as assay");
    }

    @Test
    void an_unsupported_url_is_refused_naming_what_to_use() {
        assertThatThrownBy(() -> new DatabaseConfig("jdbc:mysql://db/assay", "u", ""))
                .isInstanceOf(AssayException.class).hasMessageContaining("jdbc:postgresql://host:port/database");
    }

    private static String single(java.sql.Statement statement, String query) throws java.sql.SQLException {
        try (java.sql.ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void an_unreachable_database_is_one_clear_configuration_error() {
        DatabaseConfig config = new DatabaseConfig("jdbc:postgresql://127.0.0.1:1/assay?connectTimeout=2", "assay", "pw");

        assertThatThrownBy(() -> Database.open(config))
                .isInstanceOf(AssayException.class)
                .hasMessageContaining("cannot connect to the metadata database PostgreSQL jdbc:postgresql://127.0.0.1:1/assay")
                .hasMessageNotContaining("pw")
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.CONFIGURATION);
    }
}
