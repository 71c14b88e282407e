package id.balai.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Reading CSV as spreadsheets write it (RFC 4180: quoted cells may hold the delimiter, quotes and line breaks).
 * The delimiter is the header line's: a semicolon when it has one and no comma (how spreadsheets in Indonesian
 * save CSV, the comma being the decimal sign), else a comma. A byte-order mark is ignored.
 */
public final class CsvRows {

    /** One row and the line of the file it starts on (1 = the header). */
    public record Row(int line, List<String> cells) {}

    /** A quoted cell that is never closed: everything after it would be swallowed silently. */
    public static final class UnclosedQuote extends IllegalArgumentException {
        private final int line;

        UnclosedQuote(int line) {
            super("quote opened on line " + line + " is never closed");
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private CsvRows() {}

    public static List<Row> parse(String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        char delimiter = delimiter(text);
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1, rowLine = 1, quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') line++;
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
                quoteLine = line;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                cells.add(cell.toString());
                cell.setLength(0);
                if (!blank(cells)) rows.add(new Row(rowLine, List.copyOf(cells)));
                cells.clear();
                line++;
                rowLine = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) throw new UnclosedQuote(quoteLine);
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            if (!blank(cells)) rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        return rows;
    }

    /** The delimiter {@link #parse} uses for this text. */
    public static char delimiter(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
        String header = text.substring(0, end);
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }

    /** A line of nothing but delimiters (spreadsheets write them below the data) is no row. */
    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }
}
