package io.assay.data.contract;

import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The contracts in force: the bank's standard ones shipped with Assay, each replaced by a file of
 * the same table in the home's {@code contracts} folder when the bank has written its own.
 */
public final class Contracts {
    /** The tables of the bank's nightly extract, with a contract shipped for each. */
    public static final List<String> STANDARD_TABLES =
            List.of("customers", "accounts", "transactions", "products", "digital_events");

    private final SortedMap<String, DataContract> byTable;

    private Contracts(SortedMap<String, DataContract> byTable) {
        this.byTable = byTable;
    }

    public static Contracts standard() {
        return load(Optional.empty());
    }

    /** The standard contracts, with any {@code <table>.yaml} in {@code overrides} taking precedence. */
    public static Contracts load(Optional<Path> overrides) {
        ContractLoader loader = new ContractLoader();
        SortedMap<String, DataContract> byTable = new TreeMap<>();
        for (String table : STANDARD_TABLES) {
            String resource = "/contracts/" + table + ".yaml";
            try (InputStream in = Contracts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the build is missing " + resource);
                }
                byTable.put(table, checkedTable(resource, table, loader.load(resource, in)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        overrides.filter(Files::isDirectory).ifPresent(folder -> {
            for (Path file : yamlFiles(folder)) {
                String table = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
                try (InputStream in = Files.newInputStream(file)) {
                    byTable.put(table, checkedTable(file.toString(), table, loader.load(file.toString(), in)));
                } catch (IOException e) {
                    throw new AssayException(ErrorCode.INVALID_CONTRACT, "contract " + file + " cannot be read: " + e.getMessage());
                }
            }
        });
        return new Contracts(byTable);
    }

    public DataContract forTable(String table) {
        Names.requireTableName(table);
        DataContract contract = byTable.get(table);
        if (contract == null) {
            throw new AssayException(ErrorCode.UNKNOWN_TABLE, "unknown table '" + table + "'; tables with a contract: "
                    + String.join(", ", byTable.keySet()));
        }
        return contract;
    }

    public Map<String, DataContract> all() {
        return java.util.Collections.unmodifiableSortedMap(byTable);
    }

    public java.util.Set<String> tables() {
        return java.util.Collections.unmodifiableSet(byTable.keySet());
    }

    private static DataContract checkedTable(String source, String expectedTable, DataContract contract) {
        if (!contract.table().equals(expectedTable)) {
            throw new AssayException(ErrorCode.INVALID_CONTRACT, "contract " + source + " declares table '"
                    + contract.table() + "' but its file is named for '" + expectedTable + "'");
        }
        return contract;
    }

    private static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().matches("[a-z][a-z0-9_]*\\.ya?ml"))
                    .sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
