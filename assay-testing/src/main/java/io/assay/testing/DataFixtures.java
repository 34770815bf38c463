package io.assay.testing;

import io.assay.core.data.AccessGrant;
import io.assay.core.data.DataRead;
import io.assay.core.data.PrivacyClass;
import io.assay.core.data.Snapshot;
import io.assay.core.data.SnapshotColumn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small valid data-environment records with sensible defaults. Instants are whole microseconds, as stores keep them. */
public final class DataFixtures {
    public static final Instant NOW = Instant.parse("2026-11-28T08:15:30.123456Z");

    private DataFixtures() {}

    /**
     * The people of the data environment's tests: ingest.robot, robot, bench, sam and stu (data
     * stewards), dana and eve (data scientists), mo (MLOps), aud (auditor), gone (deactivated).
     */
    public static io.assay.core.access.UserDirectory people() {
        java.util.Map<String, io.assay.core.access.User> people = new java.util.HashMap<>();
        for (String steward : java.util.List.of("ingest.robot", "robot", "bench", "sam", "stu")) {
            people.put(steward, person(steward, io.assay.core.access.Role.DATA_STEWARD, true));
        }
        people.put("dana", person("dana", io.assay.core.access.Role.DATA_SCIENTIST, true));
        people.put("eve", person("eve", io.assay.core.access.Role.DATA_SCIENTIST, true));
        people.put("mo", person("mo", io.assay.core.access.Role.MLOPS, true));
        people.put("aud", person("aud", io.assay.core.access.Role.AUDITOR, true));
        people.put("gone", person("gone", io.assay.core.access.Role.DATA_SCIENTIST, false));
        return name -> java.util.Optional.ofNullable(people.get(name));
    }

    private static io.assay.core.access.User person(String name, io.assay.core.access.Role role, boolean active) {
        return new io.assay.core.access.User(name, java.util.Set.of(role), "admin", NOW, active);
    }

    public static Snapshot snapshot(String table, LocalDate day, String sourceHashSeed) {
        String source = sha(sourceHashSeed);
        String id = Snapshot.idFor(table, day, source);
        return new Snapshot(id, table, day, 1, table + ".csv", source, 1_000, 990, Map.of("INVALID_DATE", 4L, "LEAKED_IDENTIFIER", 6L),
                sha("content-" + sourceHashSeed),
                List.of(new SnapshotColumn("business_date", "DATE", PrivacyClass.PLAIN, false),
                        new SnapshotColumn("customer_id", "VARCHAR", PrivacyClass.DIRECT_IDENTIFIER, false),
                        new SnapshotColumn("age", "BIGINT", PrivacyClass.QUASI_IDENTIFIER, true),
                        new SnapshotColumn("gender", "VARCHAR", PrivacyClass.SENSITIVE, false)),
                "snapshots/" + table + "/" + day + "/" + id, "ingest.robot", NOW);
    }

    public static AccessGrant grant(String id, String user, Instant grantedAt) {
        return new AccessGrant(id, user, "overdraft-40d model — développement", List.of("transactions", "accounts"),
                LocalDate.of(2026, 12, 31), "sam.steward", grantedAt, Optional.empty());
    }

    public static DataRead read(String id, String user, Instant at) {
        return new DataRead(id, user, "overdraft model", List.of("accounts", "transactions"), List.of("grant-1"),
                DataRead.Outcome.ALLOWED, "query sha256:" + sha(id), at);
    }

    /** A deterministic 64-hex-character string for a seed (not a real hash: fixtures need only the shape). */
    public static String sha(String seed) {
        StringBuilder hex = new StringBuilder();
        long state = seed.hashCode();
        while (hex.length() < 64) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            hex.append(String.format("%016x", state));
        }
        return hex.substring(0, 64);
    }
}
