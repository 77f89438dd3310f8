package vn.party.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The figures of one run, with the machine they were measured on; printed as a table and saved as CSV. */
public final class Results {

    static final String CSV_HEADER = "run_at,cores,load_avg_at_start,figure,value,unit,compared_to,ratio,target,met,note";
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

    private final OffsetDateTime runAt;
    private final int cores;
    private final double loadAverageAtStart;
    private final List<Figure> figures = new ArrayList<>();

    public Results(OffsetDateTime runAt, int cores, double loadAverageAtStart) {
        this.runAt = runAt;
        this.cores = cores;
        this.loadAverageAtStart = loadAverageAtStart;
    }

    public synchronized Figure add(Figure figure) {
        figures.add(figure);
        return figure;
    }

    public synchronized Optional<Figure> find(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The figure named {@code name}, or null (so that {@link Figure#against(Figure)} leaves the ratio out). */
    public Figure get(String name) {
        return find(name).orElse(null);
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    public OffsetDateTime runAt() {
        return runAt;
    }

    public int cores() {
        return cores;
    }

    public String header() {
        return "run " + runAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " · " + cores + " cores · load average "
                + number(loadAverageAtStart) + " at start · Java " + System.getProperty("java.version");
    }

    /** A fixed-width table: figure, value, unit, compared to, ratio, target, met. */
    public synchronized String table() {
        String[] head = { "figure", "value", "unit", "compared to", "ratio", "target", "met" };
        List<String[]> rows = new ArrayList<>();
        rows.add(head);
        for (Figure f : figures) {
            rows.add(new String[] { f.name(), number(f.value()), f.unit(), nullToDash(f.comparedTo()),
                    f.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f", f.ratio()), nullToDash(f.target()),
                    f.met() == null ? "-" : f.met() ? "yes" : "NO" });
        }
        int[] width = new int[head.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i == 1 || i == 4;
                String cell = numeric && r > 0 ? pad(row[i], width[i], true) : pad(row[i], width[i], false);
                b.append(i == 0 ? "" : "  ").append(cell);
            }
            b.append('\n');
            if (r == 0) {
                for (int i = 0; i < width.length; i++) {
                    b.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    public synchronized String csv() {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (Figure f : figures) {
            b.append(String.join(",", runAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                    String.valueOf(cores), number(loadAverageAtStart), csvCell(f.name()), precise(f.value()), csvCell(f.unit()), csvCell(f.comparedTo()),
                    f.ratio() == null ? "" : String.format(Locale.ROOT, "%.4f", f.ratio()), csvCell(f.target()),
                    f.met() == null ? "" : String.valueOf(f.met()), csvCell(f.note()))).append('\n');
        }
        return b.toString();
    }

    /** Writes {@code bench-<date>-<time>.csv} into {@code dir}; returns the file. */
    public Path writeCsv(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("bench-" + runAt.format(FILE_STAMP) + ".csv");
            Files.writeString(file, csv(), StandardCharsets.UTF_8);
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results to " + dir, e);
        }
    }

    static String csvCell(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Six significant digits, no exponent (the CSV keeps more than the table). */
    static String precise(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** At most 3 significant decimals, no exponent, "NaN" kept. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        double abs = Math.abs(v);
        String s = abs >= 100 ? String.format(Locale.ROOT, "%.1f", v)
                : abs >= 1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.3f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - s.length()));
        return right ? spaces + s : s + spaces;
    }
}
