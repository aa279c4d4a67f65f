package dev.hamtlab.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tables of a Markdown report or README, read back cell by cell. */
final class MarkdownTables {
    private MarkdownTables() {
    }

    /** The cells of the first row that starts with {@code prefix}. */
    static List<String> row(String markdown, String prefix) {
        String row = markdown.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError(prefix));
        return List.of(row.substring(2, row.length() - 2).split(" \\| "));
    }

    /** The rows, by scale, of the table under "### heading" in the section of the operation. */
    static Map<String, List<String>> table(String markdown, String operation, String heading) {
        return rows(markdown, "## " + operation + ":", "### " + heading);
    }

    /** The rows, by their first cell, of the table under the first line starting with heading after section. */
    static Map<String, List<String>> rows(String markdown, String section, String heading) {
        List<String> lines = markdown.lines().toList();
        int start = indexOf(lines, heading, indexOf(lines, section, 0));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        // The heading, a blank line, the header row, the separator, then the rows.
        for (int i = start + 4; i < lines.size() && lines.get(i).startsWith("| "); i++) {
            List<String> cells = List.of(lines.get(i).substring(2, lines.get(i).length() - 2).split(" \\| "));
            rows.put(cells.get(0), cells.subList(1, cells.size()));
        }
        return rows;
    }

    private static int indexOf(List<String> lines, String prefix, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "'");
    }
}
