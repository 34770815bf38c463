package io.assay.banksim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EXTRACT_FORMAT.md read as a specification: each file's columns in order, and for code columns
 * the allowed codes. The tests hold the simulator to the document, so the two cannot drift apart.
 */
final class ExtractFormat {
    static final Path DOCUMENT = Path.of("EXTRACT_FORMAT.md");
    private static final Pattern SECTION = Pattern.compile("^## (\\w+)\\.csv\\b");
    private static final Pattern CODE_LIST = Pattern.compile("^`[A-Z_]+`(, `[A-Z_]+`)*$");
    private static final Pattern AS_IN = Pattern.compile("^as in (\\w+)$");

    record Column(String name, String type, Set<String> codes) {
        boolean isCode() {
            return !codes.isEmpty();
        }
    }

    private ExtractFormat() {
    }

    /** Columns per file base name, in document order. */
    static Map<String, List<Column>> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(DOCUMENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<Column>> files = new LinkedHashMap<>();
        List<Column> columns = null;
        for (String line : lines) {
            Matcher section = SECTION.matcher(line);
            if (section.find()) {
                columns = new ArrayList<>();
                files.put(section.group(1), columns);
                continue;
            }
            if (columns == null || !line.startsWith("|") || line.startsWith("| column") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String name = cells[1].trim();
            String type = cells[2].trim();
            columns.add(new Column(name, type, codes(files, name, type)));
        }
        return files;
    }

    private static Set<String> codes(Map<String, List<Column>> files, String name, String type) {
        Matcher reference = AS_IN.matcher(type);
        if (reference.matches()) {
            return files.get(reference.group(1)).stream().filter(column -> column.name().equals(name)).findFirst()
                    .orElseThrow().codes();
        }
        if (!CODE_LIST.matcher(type).matches()) {
            return Set.of();
        }
        return Set.of(type.replace("`", "").split(", "));
    }
}
