package io.assay.data.contract;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.assay.core.data.PrivacyClass;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a contract file and checks it whole: a contract that loads is one ingest can enforce.
 * Every problem is reported with the file and the column it is in.
 */
public final class ContractLoader {
    /** The contract file format this build reads; a file of another format is refused. */
    public static final int CONTRACT_FORMAT = 1;

    private static final Pattern COLUMN_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final double DEFAULT_MAX_REJECTED_SHARE = 0.05;
    private static final int DEFAULT_TOLERATED_BAD_ROWS = 3;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public DataContract load(String source, InputStream in) {
        ContractFile file;
        try {
            file = yaml.readValue(in, ContractFile.class);
        } catch (JacksonException e) {
            throw invalid(source, "is not a valid contract file: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(source, "cannot be read: " + e.getMessage());
        }
        if (file == null) {
            throw invalid(source, "is empty");
        }
        return build(source, file);
    }

    private DataContract build(String source, ContractFile file) {
        if (file.contractFormat() == null || file.contractFormat() != CONTRACT_FORMAT) {
            throw invalid(source, "has contract_format " + file.contractFormat() + "; this build reads contract_format "
                    + CONTRACT_FORMAT);
        }
        String table = require(source, "table", file.table());
        if (file.version() == null || file.version() < 1) {
            throw invalid(source, "needs a version of 1 or more");
        }
        if (file.columns() == null || file.columns().isEmpty()) {
            throw invalid(source, "declares no columns");
        }
        List<ContractColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ContractFile.Column column : file.columns()) {
            ContractColumn built = column(source, column);
            if (!names.add(built.name())) {
                throw invalid(source, "declares column '" + built.name() + "' twice");
            }
            columns.add(built);
        }
        List<String> uniqueKey = file.uniqueKey() == null ? List.of() : file.uniqueKey();
        for (String key : uniqueKey) {
            ContractColumn keyColumn = columns.stream().filter(c -> c.name().equals(key)).findFirst()
                    .orElseThrow(() -> invalid(source, "has unique_key column '" + key + "' that is not declared"));
            if (!keyColumn.isStored()) {
                throw invalid(source, "has unique_key column '" + key + "' that is dropped by pseudonymisation");
            }
        }
        double maxRejectedShare = file.maxRejectedShare() == null ? DEFAULT_MAX_REJECTED_SHARE : file.maxRejectedShare();
        if (maxRejectedShare < 0 || maxRejectedShare > 1) {
            throw invalid(source, "has max_rejected_share " + maxRejectedShare + "; use a share between 0 and 1");
        }
        int toleratedBadRows = file.toleratedBadRows() == null ? DEFAULT_TOLERATED_BAD_ROWS : file.toleratedBadRows();
        if (toleratedBadRows < 0) {
            throw invalid(source, "has tolerated_bad_rows " + toleratedBadRows + "; use 0 or more");
        }
        try {
            return new DataContract(table, file.version(), file.description() == null ? "" : file.description(),
                    columns, uniqueKey, maxRejectedShare, toleratedBadRows);
        } catch (IllegalArgumentException | AssayException e) {
            throw invalid(source, e.getMessage());
        }
    }

    private ContractColumn column(String source, ContractFile.Column column) {
        String name = require(source, "column name", column.name());
        String where = "column '" + name + "'";
        if (!COLUMN_NAME.matcher(name).matches() || name.equals(DataContract.BUSINESS_DATE_COLUMN)
                || name.equals(DataContract.SOURCE_LINE_COLUMN)) {
            throw invalid(source, "has " + where + ": use lower-case letters, digits and '_' (and not '"
                    + DataContract.BUSINESS_DATE_COLUMN + "' or '" + DataContract.SOURCE_LINE_COLUMN + "', which ingest adds)");
        }
        ColumnType type = parseEnum(source, where + " type", ColumnType.class, require(source, where + " type", column.type()));
        PrivacyClass privacy = column.privacy() == null ? PrivacyClass.PLAIN
                : parseEnum(source, where + " privacy", PrivacyClass.class, column.privacy());
        Pseudonymisation pseudonymisation = column.pseudonymise() == null ? Pseudonymisation.KEEP
                : parseEnum(source, where + " pseudonymise", Pseudonymisation.class, column.pseudonymise());
        if (privacy == PrivacyClass.DIRECT_IDENTIFIER && pseudonymisation == Pseudonymisation.KEEP) {
            throw invalid(source, "has " + where + " marked DIRECT_IDENTIFIER but kept raw; set pseudonymise to TOKENISE or DROP");
        }
        if (pseudonymisation == Pseudonymisation.TOKENISE && type != ColumnType.STRING) {
            throw invalid(source, "has " + where + " set to TOKENISE, which only STRING columns can be");
        }
        boolean numeric = type == ColumnType.INTEGER || type == ColumnType.DECIMAL;
        if (!numeric && (column.min() != null || column.max() != null)) {
            throw invalid(source, "has " + where + " with min/max, which only INTEGER and DECIMAL columns take");
        }
        if (column.min() != null && column.max() != null && column.min().compareTo(column.max()) > 0) {
            throw invalid(source, "has " + where + " with min above max");
        }
        List<String> values = column.values() == null ? List.of() : column.values();
        if (type == ColumnType.CODE && values.isEmpty()) {
            throw invalid(source, "has " + where + " of type CODE without its allowed values");
        }
        if (type != ColumnType.CODE && !values.isEmpty()) {
            throw invalid(source, "has " + where + " with values, which only CODE columns take");
        }
        int scale = column.scale() == null ? 2 : column.scale();
        if (scale < 0 || scale > 6) {
            throw invalid(source, "has " + where + " with scale " + scale + "; use 0 to 6");
        }
        int maxLength = column.maxLength() == null ? 256 : column.maxLength();
        if (maxLength < 1 || maxLength > 100_000) {
            throw invalid(source, "has " + where + " with max_length " + maxLength + "; use 1 to 100000");
        }
        boolean onBusinessDate = Boolean.TRUE.equals(column.onBusinessDate());
        if (onBusinessDate && type != ColumnType.DATE && type != ColumnType.TIMESTAMP) {
            throw invalid(source, "has " + where + " with on_business_date, which only DATE and TIMESTAMP columns take");
        }
        Optional<String> tokenDomain = pseudonymisation == Pseudonymisation.TOKENISE
                ? Optional.of(column.tokenDomain() == null ? name : column.tokenDomain())
                : Optional.empty();
        return new ContractColumn(name, type, Boolean.TRUE.equals(column.nullable()), privacy, pseudonymisation,
                tokenDomain, scale, Optional.ofNullable(column.min()), Optional.ofNullable(column.max()),
                Set.copyOf(values), compile(source, where, column.pattern()), maxLength,
                Boolean.TRUE.equals(column.freeText()), onBusinessDate);
    }

    private static Optional<Pattern> compile(String source, String where, String pattern) {
        if (pattern == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(pattern));
        } catch (PatternSyntaxException e) {
            throw invalid(source, "has " + where + " with a pattern that does not compile: " + e.getDescription());
        }
    }

    private static <E extends Enum<E>> E parseEnum(String source, String what, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(source, "has " + what + " '" + value + "'; use one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String require(String source, String what, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(source, "needs a " + what);
        }
        return value;
    }

    private static AssayException invalid(String source, String problem) {
        return new AssayException(ErrorCode.INVALID_CONTRACT, "contract " + source + " " + problem);
    }
}
