package id.balai.platform;

/** Writing CSV that any spreadsheet opens safely. */
public final class CsvCells {

    private CsvCells() {}

    /**
     * One CSV cell: quoted when it holds a comma, semicolon (the list separator of spreadsheets in Indonesian),
     * quote or line break; a =, +, -, @ or tab at its start (after any spaces) is defused with an apostrophe, so
     * that a spreadsheet never runs a citizen's text as a formula.
     */
    public static String cell(String value) {
        if (value == null) return "";
        String v = value;
        String lead = v.stripLeading();
        if (!lead.isEmpty() && "=+-@\t\r".indexOf(lead.charAt(0)) >= 0) v = "'" + v;
        if (v.contains(",") || v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) v = "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }
}
