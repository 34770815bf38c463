package io.assay.data.contract;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Drafts a data contract from a CSV sample, so a data steward starts from the file instead of a
 * blank page: each column's type, nullability, range, codes or shape, and a privacy class guessed
 * from its name and its values. Every guess a person must confirm is marked {@code # REVIEW}; the
 * draft loads as it is, so it can be tried on the file at once.
 */
public final class ContractInference {
    /** Rows read at most: enough to see the shapes, bounded so a huge file does not hold memory. */
    static final int SAMPLE_ROWS = 100_000;
    private static final int MAX_CODES = 20;
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,16}\\.([0-9]{1,6})");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{7,18}");

    private ContractInference() {
    }

    /** The draft contract as YAML text. */
    public static String infer(Path file, String table, Optional<String> key, Optional<String> dateColumn) {
        Names.requireTableName(table);
        List<String> header;
        List<List<String>> values;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowMissingFields(true).allowExtraFields(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                throw invalid(file, "is empty: it has no header row, so there are no columns to draft");
            }
            header = records.next().getFields().stream().map(String::strip).toList();
            values = new ArrayList<>();
            header.forEach(column -> values.add(new ArrayList<>()));
            int rows = 0;
            while (records.hasNext() && rows < SAMPLE_ROWS) {
                CsvRecord record = records.next();
                for (int i = 0; i < header.size(); i++) {
                    values.get(i).add(i < record.getFieldCount() ? record.getField(i) : "");
                }
                rows++;
            }
            if (rows == 0) {
                throw invalid(file, "has a header but no rows; a contract is drafted from values, so give a sample with rows");
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw invalid(file, "cannot be read as CSV: " + e.getMessage());
        }
        for (String column : header) {
            if (!column.matches("[a-z][a-z0-9_]{0,62}")) {
                throw invalid(file, "has column " + Names.quoted(column) + "; contract columns are lower-case letters, digits and '_'");
            }
        }
        key.ifPresent(k -> requireColumn(file, header, k, "--key"));
        dateColumn.ifPresent(d -> requireColumn(file, header, d, "--date-column"));
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Drafted by 'assay data contract infer' from ").append(file.getFileName()).append(" (")
                .append(values.get(0).size()).append(" rows read). Review every line marked REVIEW, then save it as\n")
                .append("# <home>/contracts/").append(table).append(".yaml.\n");
        yaml.append("contract_format: 1\ntable: ").append(table).append("\nversion: 1\n");
        yaml.append("description: \"").append(table).append(", drafted from ").append(file.getFileName())
                .append("\"  # REVIEW: say what one row is\n");
        if (key.isPresent()) {
            int index = header.indexOf(key.get());
            List<String> keys = values.get(index);
            long distinct = new HashSet<>(keys).size();
            if (distinct != keys.size()) {
                throw invalid(file, "has " + (keys.size() - distinct) + " repeated value(s) in --key column " + key.get()
                        + "; a key is unique within a batch");
            }
            yaml.append("unique_key: [").append(key.get()).append("]\n");
        } else {
            yaml.append("unique_key: []  # REVIEW: name the column(s) unique within a batch\n");
        }
        yaml.append("max_rejected_share: 0.05\ntolerated_bad_rows: 3\ncolumns:\n");
        for (int i = 0; i < header.size(); i++) {
            yaml.append(column(file, header.get(i), values.get(i), key, dateColumn));
        }
        return yaml.toString();
    }

    private static String column(Path file, String name, List<String> raw, Optional<String> key, Optional<String> dateColumn) {
        List<String> present = raw.stream().filter(v -> !v.isEmpty()).toList();
        boolean nullable = present.size() < raw.size();
        StringBuilder out = new StringBuilder("  - name: ").append(name).append('\n');
        String type = type(present);
        boolean onBusinessDate = dateColumn.filter(name::equals).isPresent();
        if (onBusinessDate && !type.equals("DATE") && !type.equals("TIMESTAMP")) {
            throw invalid(file, "has --date-column " + name + " of type " + type + "; the business date is a DATE or TIMESTAMP column");
        }
        Privacy privacy = privacy(name, present);
        if (type.equals("STRING") && privacy == null && isCode(present)) {
            type = "CODE";
        }
        out.append("    type: ").append(type).append(present.isEmpty() ? "  # REVIEW: every value was empty" : "").append('\n');
        if (nullable) {
            out.append("    nullable: true\n");
        }
        if (onBusinessDate) {
            out.append("    on_business_date: true\n");
        }
        switch (type) {
            case "INTEGER" -> range(out, present, 0);
            case "DECIMAL" -> {
                int scale = present.stream().mapToInt(ContractInference::decimals).max().orElse(2);
                out.append("    scale: ").append(scale).append('\n');
                range(out, present, scale);
            }
            case "CODE" -> out.append("    values: [").append(String.join(", ", new TreeSet<>(present)))
                    .append("]  # REVIEW: the codes seen in the sample; add those that may come\n");
            case "STRING" -> shape(present).ifPresent(pattern -> out.append("    pattern: \"").append(pattern)
                    .append("\"  # REVIEW: the shape every value in the sample had\n"));
            default -> { }
        }
        if (type.equals("STRING") && privacy == null && looksLikeFreeText(present)) {
            out.append("    max_length: 1000\n    free_text: true  # REVIEW: free text is scanned for identifiers\n");
        }
        if (privacy != null) {
            out.append("    privacy: ").append(privacy.privacyClass);
            out.append("  # REVIEW: guessed from ").append(privacy.reason).append('\n');
            if (privacy.pseudonymise != null) {
                out.append("    pseudonymise: ").append(privacy.pseudonymise).append('\n');
                if (privacy.pseudonymise.equals("TOKENISE")) {
                    out.append("    token_domain: ").append(privacy.tokenDomain)
                            .append("  # REVIEW: the same domain as the tables this one joins to\n");
                }
            }
        }
        return out.toString();
    }

    private record Privacy(String privacyClass, String pseudonymise, String tokenDomain, String reason) {
    }

    private static Privacy privacy(String name, List<String> present) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("customer_id") || n.equals("customer") || n.equals("client_id") || n.equals("party_id")) {
            return new Privacy("DIRECT_IDENTIFIER", "TOKENISE", "customer", "its name: it identifies a customer");
        }
        if (n.contains("iban") || !present.isEmpty() && present.stream().allMatch(v -> IBAN.matcher(v).matches())) {
            return new Privacy("DIRECT_IDENTIFIER", "TOKENISE", "iban", n.contains("iban") ? "its name" : "its values, shaped as IBANs");
        }
        if (n.contains("email") || !present.isEmpty() && present.stream().allMatch(v -> EMAIL.matcher(v).matches())) {
            return new Privacy("DIRECT_IDENTIFIER", "DROP", null, n.contains("email") ? "its name" : "its values, shaped as e-mail addresses");
        }
        if (n.contains("phone") || n.contains("mobile") || n.endsWith("_tel")) {
            return new Privacy("DIRECT_IDENTIFIER", "DROP", null, "its name");
        }
        if (n.contains("name") || n.contains("birth") || n.equals("dob") || n.contains("address") || n.contains("street")
                || n.contains("passport") || n.contains("national_id") || n.contains("ssn")) {
            return new Privacy("DIRECT_IDENTIFIER", "DROP", null, "its name");
        }
        if (n.equals("gender") || n.equals("sex") || n.contains("ethnic") || n.contains("religion") || n.contains("health")
                || n.contains("nationality") || n.contains("disability")) {
            return new Privacy("SENSITIVE", null, null, "its name: a protected attribute, kept for fairness tests only");
        }
        if (n.equals("age") || n.contains("postcode") || n.contains("zip") || n.contains("region") || n.contains("city")) {
            return new Privacy("QUASI_IDENTIFIER", null, null, "its name: it identifies in combination");
        }
        return null;
    }

    private static String type(List<String> present) {
        if (present.isEmpty()) {
            return "STRING";
        }
        if (present.stream().allMatch(v -> INTEGER.matcher(v).matches())) {
            return "INTEGER";
        }
        if (present.stream().allMatch(v -> INTEGER.matcher(v).matches() || DECIMAL.matcher(v).matches())) {
            return "DECIMAL";
        }
        if (present.stream().allMatch(ContractInference::isDate)) {
            return "DATE";
        }
        if (present.stream().allMatch(ContractInference::isTimestamp)) {
            return "TIMESTAMP";
        }
        return "STRING";
    }

    private static boolean isCode(List<String> present) {
        Set<String> distinct = new HashSet<>(present);
        return !present.isEmpty() && distinct.size() <= MAX_CODES && present.size() >= 2 * distinct.size()
                && distinct.stream().allMatch(v -> v.length() <= 40 && !v.contains(" "));
    }

    private static boolean looksLikeFreeText(List<String> present) {
        return present.stream().anyMatch(v -> v.contains(" ") && v.length() > 20);
    }

    /** A pattern of literals and character classes shared by every value, when they all have one length. */
    private static Optional<String> shape(List<String> present) {
        if (present.isEmpty() || present.stream().mapToInt(String::length).distinct().count() != 1 || present.get(0).length() > 40) {
            return Optional.empty();
        }
        int length = present.get(0).length();
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            final int at = i;
            char first = present.get(0).charAt(i);
            // A digit is a class even when the sample shows one value there: C00000001 and C00000002 share a shape, not a prefix.
            if (present.stream().allMatch(v -> v.charAt(at) >= '0' && v.charAt(at) <= '9')) {
                classes.add("[0-9]");
            } else if (present.stream().allMatch(v -> v.charAt(at) == first) && Character.isLetter(first) && first < 128) {
                classes.add(String.valueOf(first));
            } else if (present.stream().allMatch(v -> v.charAt(at) >= 'A' && v.charAt(at) <= 'Z')) {
                classes.add("[A-Z]");
            } else if (present.stream().allMatch(v -> Character.isDigit(v.charAt(at)) || v.charAt(at) >= 'A' && v.charAt(at) <= 'Z')) {
                classes.add("[A-Z0-9]");
            } else {
                return Optional.empty();
            }
        }
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < classes.size(); ) {
            int j = i;
            while (j < classes.size() && classes.get(j).equals(classes.get(i)) && classes.get(i).startsWith("[")) {
                j++;
            }
            if (j - i > 1) {
                pattern.append(classes.get(i)).append('{').append(j - i).append('}');
                i = j;
            } else {
                pattern.append(classes.get(i));
                i++;
            }
        }
        return Optional.of(pattern.toString());
    }

    private static void range(StringBuilder out, List<String> present, int scale) {
        BigDecimal min = present.stream().map(BigDecimal::new).min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = present.stream().map(BigDecimal::new).max(BigDecimal::compareTo).orElseThrow();
        out.append("    min: ").append(min.setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString())
                .append("  # REVIEW: the lowest value seen; widen it to what may come\n");
        out.append("    max: ").append(max.setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString())
                .append("  # REVIEW: the highest value seen\n");
    }

    private static int decimals(String value) {
        int dot = value.indexOf('.');
        return dot < 0 ? 0 : value.length() - dot - 1;
    }

    private static boolean isDate(String value) {
        try {
            return value.length() == 10 && LocalDate.parse(value) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isTimestamp(String value) {
        try {
            return value.length() == 19 && value.charAt(10) == 'T' && LocalDateTime.parse(value) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void requireColumn(Path file, List<String> header, String column, String option) {
        if (!header.contains(column)) {
            throw invalid(file, "has no column " + Names.quoted(column) + " for " + option + "; its columns: " + String.join(", ", header));
        }
    }

    private static AssayException invalid(Path file, String problem) {
        return new AssayException(ErrorCode.INVALID_BATCH, file.getFileName() + " " + problem);
    }
}
