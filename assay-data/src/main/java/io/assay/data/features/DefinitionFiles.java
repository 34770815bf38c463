package io.assay.data.features;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the declaration files of feature views ({@code view.yaml} beside {@code view.sql}) and of
 * use-case labels ({@code label.yaml} beside {@code population.sql} and {@code label.sql}) and
 * checks them whole. Every problem names the file it is in.
 */
final class DefinitionFiles {
    static final int VIEW_FORMAT = 1;
    static final int LABEL_FORMAT = 1;
    static final Pattern VIEW_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    static final Pattern USE_CASE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern COLUMN_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** Columns every build adds itself. */
    static final Set<String> RESERVED_COLUMNS = Set.of("as_of", "label", "split");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record ViewFile(@JsonProperty("feature_view_format") Integer format,
                    @JsonProperty("name") String name,
                    @JsonProperty("version") Integer version,
                    @JsonProperty("entity") String entity,
                    @JsonProperty("description") String description,
                    @JsonProperty("owner") String owner,
                    @JsonProperty("columns") List<ColumnFile> columns) {
    }

    record ColumnFile(@JsonProperty("name") String name,
                      @JsonProperty("type") String type,
                      @JsonProperty("description") String description,
                      @JsonProperty("owner") String owner,
                      @JsonProperty("nullable") Boolean nullable,
                      @JsonProperty("role") String role) {
    }

    record LabelFile(@JsonProperty("label_format") Integer format,
                     @JsonProperty("use_case") String useCase,
                     @JsonProperty("version") Integer version,
                     @JsonProperty("entity") String entity,
                     @JsonProperty("description") String description,
                     @JsonProperty("owner") String owner,
                     @JsonProperty("horizon_days") Integer horizonDays,
                     @JsonProperty("features") List<String> features,
                     @JsonProperty("population_rules") List<String> populationRules) {
    }

    private DefinitionFiles() {
    }

    static FeatureView view(String source, String expectedName, String yaml, String sql) {
        ViewFile file = read(source, yaml, ViewFile.class);
        if (file.format() == null || file.format() != VIEW_FORMAT) {
            throw invalid(source, "has feature_view_format " + file.format() + "; this build reads feature_view_format " + VIEW_FORMAT);
        }
        String name = name(source, "name", file.name(), VIEW_NAME);
        if (!name.equals(expectedName)) {
            throw invalid(source, "declares view '" + name + "' but its folder is named '" + expectedName + "'");
        }
        int version = version(source, file.version());
        String entity = name(source, "entity", file.entity(), COLUMN_NAME);
        String owner = text(source, "owner", file.owner());
        if (file.columns() == null || file.columns().isEmpty()) {
            throw invalid(source, "declares no columns");
        }
        Set<String> seen = new HashSet<>();
        List<FeatureColumn> columns = file.columns().stream().map(column -> column(source, column, owner, entity, seen)).toList();
        return new FeatureView(name, version, entity, text(source, "description", file.description()), owner,
                requireSql(source, sql), columns, source);
    }

    /** The file of a population rule: {@code population.sql} for the default, {@code population-<rule>.sql} for others. */
    private static String populationFile(String rule) {
        return rule.equals(LabelDefinition.DEFAULT_POPULATION) ? "population.sql" : "population-" + rule + ".sql";
    }

    /**
     * @param sqlFile the content of a SQL file beside the declaration, by name ({@code label.sql},
     *                {@code population.sql} …), or null when there is none
     */
    static LabelDefinition label(String source, String expectedUseCase, String yaml, java.util.function.Function<String, String> sqlFile) {
        LabelFile file = read(source, yaml, LabelFile.class);
        if (file.format() == null || file.format() != LABEL_FORMAT) {
            throw invalid(source, "has label_format " + file.format() + "; this build reads label_format " + LABEL_FORMAT);
        }
        String useCase = name(source, "use_case", file.useCase(), USE_CASE_NAME);
        if (!useCase.equals(expectedUseCase)) {
            throw invalid(source, "declares use case '" + useCase + "' but its folder is named '" + expectedUseCase + "'");
        }
        if (file.horizonDays() == null || file.horizonDays() < 1 || file.horizonDays() > 730) {
            throw invalid(source, "needs horizon_days between 1 and 730, was " + file.horizonDays());
        }
        if (file.features() == null || file.features().isEmpty()) {
            throw invalid(source, "names no feature views under features");
        }
        for (String view : file.features()) {
            name(source, "features", view, VIEW_NAME);
        }
        return new LabelDefinition(useCase, version(source, file.version()), name(source, "entity", file.entity(), COLUMN_NAME),
                text(source, "description", file.description()), text(source, "owner", file.owner()), file.horizonDays(),
                file.features(), populations(source, file, sqlFile),
                requireSql(source.replace("label.yaml", "label.sql"), sqlFile.apply("label.sql")), source);
    }

    /** The default population rule and those the label names, each with its SQL. */
    private static java.util.SortedMap<String, String> populations(String source, LabelFile file,
                                                                   java.util.function.Function<String, String> sqlFile) {
        Set<String> rules = new java.util.LinkedHashSet<>(List.of(LabelDefinition.DEFAULT_POPULATION));
        if (file.populationRules() != null) {
            file.populationRules().forEach(rule -> rules.add(name(source, "population_rules", rule, USE_CASE_NAME)));
        }
        java.util.SortedMap<String, String> populations = new java.util.TreeMap<>();
        for (String rule : rules) {
            String sqlName = populationFile(rule);
            populations.put(rule, requireSql(source.replace("label.yaml", sqlName), sqlFile.apply(sqlName)));
        }
        return populations;
    }

    private static FeatureColumn column(String source, ColumnFile column, String viewOwner, String entity, Set<String> seen) {
        String name = name(source, "a column name", column.name(), COLUMN_NAME);
        String where = source + " column " + name;
        if (name.equals(entity)) {
            throw invalid(source, "lists the entity column '" + name + "' among its columns; the entity is declared once, as entity");
        }
        if (RESERVED_COLUMNS.contains(name)) {
            throw invalid(source, "declares column '" + name + "', which a build adds itself (" + String.join(", ", RESERVED_COLUMNS) + ")");
        }
        if (!seen.add(name)) {
            throw invalid(source, "declares column '" + name + "' twice");
        }
        FeatureType type = enumValue(where, "type", column.type(), FeatureType.class);
        FeatureRole role = column.role() == null ? FeatureRole.FEATURE : enumValue(where, "role", column.role(), FeatureRole.class);
        if (column.nullable() == null) {
            throw invalid(where, "must say whether it may be null (nullable: true or false)");
        }
        return new FeatureColumn(name, type, text(where, "description", column.description()),
                column.owner() == null ? viewOwner : text(where, "owner", column.owner()), column.nullable(), role);
    }

    private static <T> T read(String source, String yaml, Class<T> type) {
        if (yaml == null) {
            throw invalid(source, "is missing");
        }
        try {
            T file = YAML.readValue(yaml, type);
            if (file == null) {
                throw invalid(source, "is empty");
            }
            return file;
        } catch (JacksonException e) {
            throw invalid(source, "is not a valid declaration: " + e.getOriginalMessage());
        }
    }

    private static <E extends Enum<E>> E enumValue(String where, String field, String value, Class<E> type) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.toUpperCase(Locale.ROOT))) {
                    return constant;
                }
            }
        }
        throw invalid(where, "has " + field + " " + value + "; one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private static String name(String source, String field, String value, Pattern shape) {
        if (value == null || !shape.matcher(value).matches()) {
            throw invalid(source, "has " + field + " '" + value + "', which is not a valid name (" + shape.pattern() + ")");
        }
        return value;
    }

    private static int version(String source, Integer version) {
        if (version == null || version < 1) {
            throw invalid(source, "needs a version of at least 1, was " + version);
        }
        return version;
    }

    private static String text(String source, String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(source, "needs a " + field);
        }
        return value.strip();
    }

    private static String requireSql(String source, String sql) {
        if (sql == null || sql.isBlank()) {
            throw invalid(source, "is missing or empty");
        }
        return sql.strip().replaceFirst(";\\s*$", "");
    }

    static AssayException invalid(String source, String problem) {
        return new AssayException(ErrorCode.INVALID_DEFINITION, source + " " + problem);
    }
}
