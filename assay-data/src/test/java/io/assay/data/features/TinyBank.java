package io.assay.data.features;

import io.assay.core.common.IdSource;
import io.assay.data.DataEnvironment;
import io.assay.data.DataLayout;
import io.assay.data.privacy.PseudonymKey;
import io.assay.data.privacy.Pseudonymiser;
import io.assay.testing.InMemoryDataCatalog;
import io.assay.testing.SettableClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Two customers over five days, written by hand so every feature and label can be worked out on
 * paper. End-of-day balances of their current accounts:
 * <pre>
 *            05-01  05-02  05-03  05-04  05-05
 *   C1 (A1)    100    -20     50   -999     -5
 *   C2 (A2)     10     20     -3     40     -1
 * </pre>
 * and one transaction a day each, of minus the day of month for C1 and plus it for C2. Rows after
 * an as-of (05-04's -999 above all) are planted to be leaked by a view that could.
 */
final class TinyBank {
    static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    static final LocalDate FIRST = LocalDate.of(2026, 5, 1);
    static final LocalDate LAST = LocalDate.of(2026, 5, 5);
    private static final long[][] BALANCES = {{100, -20, 50, -999, -5}, {10, 20, -3, 40, -1}};
    private static final String[] IBANS = {"DE89370400440532013000", "GB82WEST12345698765432"};

    final Path home;
    final InMemoryDataCatalog catalog = new InMemoryDataCatalog();
    final SettableClock clock = new SettableClock(Instant.parse("2026-05-06T08:00:00Z"), ZoneOffset.UTC);
    final DataEnvironment data;
    final Pseudonymiser.DomainTokens tokens;

    TinyBank(Path home) {
        this.home = home;
        this.data = new DataEnvironment(new DataLayout(home), catalog, io.assay.testing.DataFixtures.people(), catalog.audit(), clock,
                IdSource.sequential(), Optional.of(KEY));
        this.tokens = new Pseudonymiser(PseudonymKey.resolve(Optional.of(KEY), home.resolve("unused.key"))).forDomain("customer");
        try {
            Path in = Files.createDirectories(home.resolve("in"));
            Files.writeString(in.resolve("customers.csv"), "customer_id,full_name,date_of_birth,email,phone,gender,age,segment,region,"
                    + "tenure_months,income_band,employment,household_size,status\n"
                    + "C00000001,Ann Example,1996-01-01,,,F,30,MASS,NORTH,12,MIDDLE,EMPLOYED,2,ACTIVE\n"
                    + "C00000002,Bob Example,1986-01-01,,,M,40,AFFLUENT,SOUTH,48,HIGH,EMPLOYED,3,ACTIVE\n");
            data.ingest("robot", in.resolve("customers.csv"), "customers", FIRST, Optional.empty());
            for (int day = 0; day < 5; day++) {
                LocalDate date = FIRST.plusDays(day);
                StringBuilder accounts = new StringBuilder("account_id,customer_id,iban,product_code,currency,opened_on,status,balance,"
                        + "credit_limit\n");
                StringBuilder transactions = new StringBuilder("transaction_id,account_id,customer_id,booking_date,amount,currency,"
                        + "category,channel,counterparty_iban,description\n");
                for (int c = 0; c < 2; c++) {
                    accounts.append(String.format("A%09d,C%08d,%s,CURRENT,EUR,2020-01-01,OPEN,%d.00,500.00%n", c + 1, c + 1, IBANS[c],
                            BALANCES[c][day]));
                    transactions.append(String.format("T%012d,A%09d,C%08d,%s,%s%d.00,EUR,CARD_SPEND,CARD,,shop%n", day * 2 + c + 1,
                            c + 1, c + 1, date, c == 0 ? "-" : "", date.getDayOfMonth()));
                }
                Files.writeString(in.resolve("accounts-" + date + ".csv"), accounts);
                Files.writeString(in.resolve("transactions-" + date + ".csv"), transactions);
                data.ingest("robot", in.resolve("accounts-" + date + ".csv"), "accounts", date, Optional.empty());
                data.ingest("robot", in.resolve("transactions-" + date + ".csv"), "transactions", date, Optional.empty());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        grant("dana", List.of("customers", "accounts", "transactions"));
    }

    void grant(String user, List<String> tables) {
        data.access().grant(user, "feature tests", tables, LocalDate.of(2026, 6, 1), "sam");
    }

    String token(int customer) {
        return tokens.token(String.format("C%08d", customer));
    }

    /** Writes a feature view of the home: {@code <home>/features/<name>/view.yaml} and {@code view.sql}. */
    void view(String name, String sql, String... columns) {
        StringBuilder yaml = new StringBuilder("feature_view_format: 1\nname: " + name + "\nversion: 1\nentity: customer_id\n"
                + "description: a test view\nowner: tests\ncolumns:\n");
        for (String column : columns) {
            String[] parts = column.split(":");
            yaml.append("  - {name: ").append(parts[0]).append(", type: ").append(parts[1]).append(", nullable: ")
                    .append(parts.length > 2 ? parts[2] : "false").append(", description: a column}\n");
        }
        write("features/" + name + "/view.yaml", yaml.toString());
        write("features/" + name + "/view.sql", sql);
    }

    /** Writes a use case's label of the home, over the given views, with a population of everyone. */
    void label(String useCase, int horizonDays, String labelSql, String populationSql, String... views) {
        write("labels/" + useCase + "/label.yaml", "label_format: 1\nuse_case: " + useCase + "\nversion: 1\nentity: customer_id\n"
                + "horizon_days: " + horizonDays + "\ndescription: a test label\nowner: tests\nfeatures: [" + String.join(", ", views) + "]\n");
        write("labels/" + useCase + "/population.sql", populationSql);
        write("labels/" + useCase + "/label.sql", labelSql);
    }

    void write(String relative, String content) {
        try {
            Path file = home.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long publishedFiles() {
        try (var files = Files.walk(home.resolve("data"))) {
            return files.filter(path -> path.getFileName().toString().equals("manifest.json"))
                    .filter(path -> !path.toString().contains("/snapshots/")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
