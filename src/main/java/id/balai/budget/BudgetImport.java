package id.balai.budget;

import id.balai.identity.AdminAudit;
import id.balai.platform.CsvRows;
import id.balai.platform.storage.FileStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one year of the APBD from a CSV file: columns {@code tahun, jenis, opd, program, kegiatan, anggaran,
 * realisasi} (any order, any case). Every problem is reported with its line and column, and then nothing is
 * imported; a good file replaces that year's lines in one transaction and its source is kept for download.
 */
@Service
class BudgetImport {

    static final List<String> COLUMNS = List.of("tahun", "jenis", "opd", "program", "kegiatan", "anggaran", "realisasi");
    static final List<String> KINDS = List.of("pendapatan", "belanja", "pembiayaan");
    static final int MAX_LINES = 50_000;
    static final int MAX_PROBLEMS = 200;
    static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final Pattern ID_GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3}){1,5}(,\\d{1,2})?");
    private static final Pattern ID_PLAIN = Pattern.compile("\\d{1,18}(,\\d{1,2})?");
    private static final Pattern EN_GROUPED = Pattern.compile("\\d{1,3}(,\\d{3}){1,5}(\\.\\d{1,2})?");
    private static final Pattern EN_PLAIN = Pattern.compile("\\d{1,18}\\.\\d{1,2}");

    /** A problem at a line (1 = the header) and column (its name; empty for the whole line or file). */
    record Problem(int line, String column, String messageKey, String value) {}

    record Line(int year, String kind, String agency, String programme, String activity, BigDecimal planned, BigDecimal realised) {}

    sealed interface Outcome permits Imported, Refused {}

    record Imported(int year, int lines) implements Outcome {}

    record Refused(List<Problem> problems) implements Outcome {}

    private final JdbcClient jdbc;
    private final FileStorage storage;
    private final AdminAudit audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    BudgetImport(JdbcClient jdbc, FileStorage storage, AdminAudit audit, Clock clock, PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Reads and checks the file (outside any transaction: a big file holds no connection while it is read);
     * nothing is stored unless every line is right. Then one transaction replaces the year; the new source file
     * is deleted again if that transaction rolls back, and the replaced one once it commits.
     */
    Outcome importFile(byte[] content, String originalName) {
        List<Problem> problems = new ArrayList<>();
        List<Line> lines = read(content, problems);
        if (!problems.isEmpty()) return new Refused(problems);
        int year = lines.get(0).year();
        String key;
        try {
            key = storage.store("budget", content, isXlsx(content) ? "xlsx" : "csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = originalName == null || originalName.isBlank() ? "apbd-" + year + (isXlsx(content) ? ".xlsx" : ".csv")
                : originalName.replaceAll("[^A-Za-z0-9._ -]", "_");
        return tx.execute(status -> {
            java.util.Optional<String> replaced = jdbc.sql("select source_key from budget_import where budget_year = ?").param(year)
                    .query(String.class).optional();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int outcome) {
                    if (outcome == STATUS_COMMITTED) replaced.ifPresent(BudgetImport.this::deleteQuietly);
                    else deleteQuietly(key);
                }
            });
            jdbc.sql("delete from budget_line where budget_year = ?").param(year).update();
            jdbc.sql("delete from budget_import where budget_year = ?").param(year).update();
            jdbc.sql("insert into budget_import (budget_year, source_key, source_name, line_count, imported_at) values (?, ?, ?, ?, ?)")
                    .params(year, key, name.length() > 200 ? name.substring(0, 200) : name, lines.size(), Timestamp.from(clock.instant())).update();
            long importId = jdbc.sql("select id from budget_import where budget_year = ?").param(year).query(Long.class).single();
            for (Line l : lines) {
                jdbc.sql("insert into budget_line (import_id, budget_year, kind, agency, programme, activity, planned, realised) values (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(importId, l.year(), l.kind(), l.agency(), l.programme(), l.activity(), l.planned(), l.realised()).update();
            }
            audit.record("budget.imported", String.valueOf(year));
            return new Imported(year, lines.size());
        });
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (IOException e) {
            // nothing points to it any more: a leftover file harms nobody
        }
    }

    static List<Line> read(byte[] content, List<Problem> problems) {
        List<CsvRows.Row> rows;
        boolean indonesian;
        boolean xlsx = isXlsx(content);
        if (xlsx) {
            try {
                rows = xlsxRows(content);
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(0, "", "budget.error.xlsx", ""));
                return List.of();
            }
            indonesian = false; // numbers come as numbers; text cells in either form are read by their grouping
        } else {
            java.util.Optional<String> decoded = id.balai.platform.Utf8.strict(content);
            if (decoded.isEmpty()) {
                problems.add(new Problem(0, "", "budget.error.encoding", ""));
                return List.of();
            }
            String text = decoded.get();
            try {
                rows = CsvRows.parse(text);
            } catch (CsvRows.UnclosedQuote e) {
                problems.add(new Problem(e.line(), "", "budget.error.quote", String.valueOf(e.line())));
                return List.of();
            }
            indonesian = CsvRows.delimiter(text.startsWith("\uFEFF") ? text.substring(1) : text) == ';';
        }
        if (rows.size() < 2) {
            problems.add(new Problem(0, "", "budget.error.empty", ""));
            return List.of();
        }
        if (rows.size() - 1 > MAX_LINES) {
            problems.add(new Problem(0, "", "budget.error.too-many", String.valueOf(MAX_LINES)));
            return List.of();
        }
        Map<String, Integer> at = new HashMap<>();
        List<String> header = rows.get(0).cells();
        for (int i = 0; i < header.size(); i++) at.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        for (String column : COLUMNS) if (!at.containsKey(column)) problems.add(new Problem(1, column, "budget.error.column-missing", column));
        if (!problems.isEmpty()) return List.of();
        List<Line> lines = new ArrayList<>();
        Integer year = null;
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            int before = problems.size();
            // a row with more cells than the header (an unquoted 1.500.000,50 in a comma file) would shift amounts
            boolean extra = row.cells().size() > header.size() && row.cells().subList(header.size(), row.cells().size()).stream().anyMatch(c -> !c.isBlank());
            // a sheet leaves empty cells at the end of a row out; a CSV line with too few separators is broken
            if (extra || !xlsx && row.cells().size() < header.size()) {
                problems.add(new Problem(row.line(), "", "budget.error.cells", header.size() + "/" + row.cells().size()));
                continue;
            }
            String y = cell(row, at.get("tahun"));
            Integer thisYear = null;
            try {
                thisYear = Integer.parseInt(y.strip());
                if (thisYear < 2000 || thisYear > 2100) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                problems.add(new Problem(row.line(), "tahun", "budget.error.year", y));
            }
            if (thisYear != null && year != null && !thisYear.equals(year)) problems.add(new Problem(row.line(), "tahun", "budget.error.year-mixed", y));
            if (year == null && thisYear != null) year = thisYear;
            String kind = cell(row, at.get("jenis")).strip().toLowerCase(Locale.ROOT);
            if (!KINDS.contains(kind)) problems.add(new Problem(row.line(), "jenis", "budget.error.kind", kind));
            String agency = text(row, at.get("opd"), "opd", 200, true, problems);
            String programme = text(row, at.get("program"), "program", 300, false, problems);
            String activity = text(row, at.get("kegiatan"), "kegiatan", 300, false, problems);
            BigDecimal planned = amount(row, at.get("anggaran"), "anggaran", false, indonesian, problems);
            BigDecimal realised = amount(row, at.get("realisasi"), "realisasi", true, indonesian, problems);
            if (problems.size() == before) lines.add(new Line(thisYear, kind, agency, programme, activity, planned, realised));
            if (problems.size() >= MAX_PROBLEMS) { // enough to fix first
                problems.add(new Problem(row.line(), "", "budget.error.more", String.valueOf(MAX_PROBLEMS)));
                break;
            }
        }
        return lines;
    }

    /** An XLSX file is a ZIP archive: it starts with PK\\3\\4. */
    static boolean isXlsx(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /**
     * The first sheet's rows as text cells, with their row numbers: numbers are written plainly (whole ones
     * without decimals, others with two), so that the checks are the same as for CSV.
     */
    static List<CsvRows.Row> xlsxRows(byte[] content) throws IOException {
        List<CsvRows.Row> rows = new ArrayList<>();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(content));
                java.util.stream.Stream<org.dhatim.fastexcel.reader.Row> sheet = workbook.getFirstSheet().openStream()) {
            java.util.Iterator<org.dhatim.fastexcel.reader.Row> it = sheet.iterator();
            while (it.hasNext() && rows.size() <= MAX_LINES + 1) {
                org.dhatim.fastexcel.reader.Row row = it.next();
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.min(row.getCellCount(), 50); i++) {
                    org.dhatim.fastexcel.reader.Cell c = row.getCell(i);
                    if (c == null) cells.add("");
                    else if (c.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
                        BigDecimal n = c.asNumber();
                        cells.add(n.stripTrailingZeros().scale() <= 0 ? n.toBigInteger().toString() : n.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
                    } else cells.add(c.getText() == null ? "" : c.getText());
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) cells.remove(cells.size() - 1);
                if (!cells.isEmpty()) rows.add(new CsvRows.Row(row.getRowNum(), List.copyOf(cells)));
            }
        }
        return rows;
    }

    private static String cell(CsvRows.Row row, int index) {
        return index < row.cells().size() ? row.cells().get(index) : "";
    }

    private static String text(CsvRows.Row row, int index, String column, int max, boolean required, List<Problem> problems) {
        String v = cell(row, index).strip();
        if (required && v.isEmpty()) problems.add(new Problem(row.line(), column, "budget.error.required", v));
        else if (v.length() > max) problems.add(new Problem(row.line(), column, "budget.error.long", String.valueOf(max)));
        // the source file is offered for download as it came: it must not carry a spreadsheet formula
        else if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) problems.add(new Problem(row.line(), column, "budget.error.formula", v));
        return v;
    }

    private static BigDecimal amount(CsvRows.Row row, int index, String column, boolean blankIsZero, boolean indonesian, List<Problem> problems) {
        String raw = cell(row, index);
        if (raw.isBlank() && blankIsZero) return BigDecimal.ZERO;
        BigDecimal value = parseAmount(raw, indonesian);
        if (value == null) problems.add(new Problem(row.line(), column, "budget.error.amount", raw.strip()));
        return value;
    }

    /**
     * Rupiah as people write them, with or without "Rp" and a closing ",-". In a semicolon file (Indonesian
     * spreadsheets) only the Indonesian form: 1.234.567,89 or 1234567,89. In a comma file also the English
     * grouped form 1,234,567.89 and a plain 1234567.89; "1,500" there is one thousand five hundred. Grouping is
     * checked, so 1.23,4 or 12,34.5 are refused rather than guessed.
     */
    static BigDecimal parseAmount(String raw, boolean indonesian) {
        String v = raw.strip().replaceAll("(?i)^rp\\.?", "").replace(" ", "").replace("\u00A0", "").replaceAll(",-$", "");
        boolean negative = v.startsWith("-");
        if (negative) v = v.substring(1);
        String plain;
        if (ID_GROUPED.matcher(v).matches() || ID_PLAIN.matcher(v).matches()) {
            plain = v.replace(".", "").replace(',', '.');
        } else if (!indonesian && EN_GROUPED.matcher(v).matches()) {
            plain = v.replace(",", "");
        } else if (!indonesian && EN_PLAIN.matcher(v).matches()) {
            plain = v;
        } else {
            return null;
        }
        BigDecimal d = new BigDecimal(plain);
        return negative ? d.negate() : d;
    }
}
