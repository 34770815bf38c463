package io.assay.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * What differs between the two metadata databases, and nothing else: how instants and dates
 * are stored, how a writer takes the audit chain's head, and how a unique violation is told.
 * Every statement of the stores is otherwise the same on both.
 */
public enum SqlDialect {
    /** Production: timestamptz and date columns; row locks taken with FOR UPDATE. */
    POSTGRESQL("postgresql"),
    /**
     * The embedded default: STRICT tables with instants as fixed-width ISO text; a writer holds
     * the whole database from its first statement (BEGIN IMMEDIATE), so no row lock is needed.
     */
    SQLITE("sqlite");

    /** Both store instants to the microsecond; keeping them so makes a read equal what was written. */
    private static final DateTimeFormatter INSTANT_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final String migrations;

    SqlDialect(String migrations) {
        this.migrations = migrations;
    }

    /** Where this dialect's Flyway migrations live on the class path. */
    public String migrationLocation() {
        return "classpath:db/migration/" + migrations;
    }

    /** The statement a writer starts with: it waits for the writer before it and holds the chain's head until commit. */
    String lockAuditHead() {
        return switch (this) {
            case POSTGRESQL -> "SELECT sequence, hash FROM audit_head WHERE id = 1 FOR UPDATE";
            case SQLITE -> "SELECT sequence, hash FROM audit_head WHERE id = 1";
        };
    }

    /** An instant as a statement parameter (truncated to the microsecond). */
    public Object instant(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return switch (this) {
            case POSTGRESQL -> micros.atOffset(ZoneOffset.UTC);
            case SQLITE -> INSTANT_TEXT.format(micros);
        };
    }

    Instant instant(ResultSet row, String column) throws SQLException {
        return switch (this) {
            case POSTGRESQL -> row.getObject(column, OffsetDateTime.class).toInstant();
            case SQLITE -> Instant.parse(row.getString(column));
        };
    }

    Instant instant(ResultSet row, int column) throws SQLException {
        return switch (this) {
            case POSTGRESQL -> row.getObject(column, OffsetDateTime.class).toInstant();
            case SQLITE -> Instant.parse(row.getString(column));
        };
    }

    /** A nullable instant column. */
    java.util.Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
        return row.getObject(column) == null ? java.util.Optional.empty() : java.util.Optional.of(instant(row, column));
    }

    Object date(LocalDate date) {
        return switch (this) {
            case POSTGRESQL -> date;
            case SQLITE -> date.toString();
        };
    }

    LocalDate date(ResultSet row, String column) throws SQLException {
        return switch (this) {
            case POSTGRESQL -> row.getObject(column, LocalDate.class);
            case SQLITE -> LocalDate.parse(row.getString(column));
        };
    }

    /** Whether a statement failed on a primary key or unique constraint. */
    boolean isUniqueViolation(SQLException e) {
        return switch (this) {
            case POSTGRESQL -> "23505".equals(e.getSQLState());
            // SQLITE_CONSTRAINT_PRIMARYKEY (1555) and SQLITE_CONSTRAINT_UNIQUE (2067); the driver sets no SQL state.
            case SQLITE -> e instanceof org.sqlite.SQLiteException sqlite
                    && (sqlite.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                    || sqlite.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);
        };
    }
}
