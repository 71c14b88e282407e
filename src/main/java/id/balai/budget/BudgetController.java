package id.balai.budget;

import id.balai.platform.FieldProblem;
import id.balai.platform.storage.FileStorage;
import id.balai.platform.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /apbd}: the year's totals, expenditure by OPD as a table and as a bar chart drawn on the server (SVG,
 * readable without JavaScript), and the source file. {@code /admin/apbd}: the city admin's import.
 */
@Controller
class BudgetController {

    static final int CHART_BARS = 15;
    static final int CHART_WIDTH = 600;

    /** A bar of the chart, in SVG units. */
    record Bar(String label, int y, int plannedWidth, int realisedWidth, String amount) {}

    private final BudgetFigures figures;
    private final BudgetImport importer;
    private final FileStorage storage;

    BudgetController(BudgetFigures figures, BudgetImport importer, FileStorage storage) {
        this.figures = figures;
        this.importer = importer;
        this.storage = storage;
    }

    @GetMapping("/apbd")
    String budget(@RequestParam(name = "tahun", required = false) Integer year, Model model) {
        List<Integer> years = figures.years();
        model.addAttribute("years", years);
        if (years.isEmpty()) return "budget/budget";
        int chosen = year != null && years.contains(year) ? year : years.get(0);
        model.addAttribute("year", chosen);
        model.addAttribute("totals", figures.totals(chosen));
        List<BudgetFigures.AgencyTotal> agencies = figures.expenditureByAgency(chosen);
        model.addAttribute("agencies", agencies);
        model.addAttribute("bars", bars(agencies));
        model.addAttribute("chartHeight", Math.max(1, Math.min(CHART_BARS, agencies.size())) * 34 + 10);
        model.addAttribute("revenue", figures.revenueByAgency(chosen));
        model.addAttribute("money", new Money());
        return "budget/budget";
    }

    /** One OPD's revenue or expenditure of a year, by programme and activity. */
    @GetMapping("/apbd/{year}/rincian")
    String detail(@PathVariable int year, @RequestParam(name = "jenis", defaultValue = "belanja") String kind,
            @RequestParam(name = "opd", defaultValue = "") String agency, Model model) {
        if (!kind.equals("belanja") && !kind.equals("pendapatan")) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        List<BudgetFigures.Programme> programmes = figures.detail(year, kind, agency);
        if (programmes.isEmpty()) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        model.addAttribute("year", year);
        model.addAttribute("kind", kind);
        model.addAttribute("agency", agency);
        model.addAttribute("programmes", programmes);
        model.addAttribute("planned", programmes.stream().map(BudgetFigures.Programme::planned).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        model.addAttribute("realised", programmes.stream().map(BudgetFigures.Programme::realised).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        model.addAttribute("money", new Money());
        return "budget/detail";
    }

    @GetMapping({"/apbd/{year}/sumber", "/apbd/{year}/sumber.csv"})
    ResponseEntity<byte[]> source(@PathVariable int year) throws IOException {
        BudgetFigures.Source s = figures.source(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] content;
        try (var in = storage.open(s.key())) {
            content = in.readAllBytes();
        }
        return Downloads.attachment(s.key().endsWith(".xlsx") ? Downloads.XLSX : Downloads.CSV, s.name()).body(content);
    }

    @GetMapping("/admin/apbd")
    String admin(Model model) {
        model.addAttribute("imports", figures.imports());
        model.addAttribute("problems", List.of());
        model.addAttribute("lineProblems", List.of());
        return "budget/admin";
    }

    @PostMapping("/admin/apbd")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        if (file == null || file.isEmpty()) problems.add(new FieldProblem("file", "budget.error.file-missing"));
        else if (file.getSize() > BudgetImport.MAX_BYTES) problems.add(new FieldProblem("file", "budget.error.file-large"));
        if (!problems.isEmpty()) {
            response.setStatus(422);
            admin(model);
            model.addAttribute("problems", problems);
            return "budget/admin";
        }
        BudgetImport.Outcome outcome = importer.importFile(file.getBytes(), file.getOriginalFilename());
        if (outcome instanceof BudgetImport.Refused refused) {
            response.setStatus(422);
            admin(model);
            model.addAttribute("problems", List.of(new FieldProblem("file", "budget.error.file-rejected")));
            model.addAttribute("lineProblems", refused.problems());
            return "budget/admin";
        }
        BudgetImport.Imported imported = (BudgetImport.Imported) outcome;
        redirect.addFlashAttribute("flash", "budget.flash.imported");
        redirect.addFlashAttribute("importedYear", imported.year());
        redirect.addFlashAttribute("importedLines", imported.lines());
        return "redirect:/admin/apbd";
    }

    static List<Bar> bars(List<BudgetFigures.AgencyTotal> agencies) {
        List<BudgetFigures.AgencyTotal> top = agencies.subList(0, Math.min(CHART_BARS, agencies.size()));
        BigDecimal max = top.stream().map(a -> a.planned().max(a.realised())).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        if (max.signum() <= 0) max = BigDecimal.ONE;
        List<Bar> bars = new ArrayList<>();
        Money money = new Money();
        for (int i = 0; i < top.size(); i++) {
            BudgetFigures.AgencyTotal a = top.get(i);
            bars.add(new Bar(a.agency().length() > 40 ? a.agency().substring(0, 39) + "…" : a.agency(), i * 34 + 5,
                    width(a.planned(), max), width(a.realised(), max), money.format(a.planned())));
        }
        return bars;
    }

    private static int width(BigDecimal value, BigDecimal max) {
        return Math.max(0, value.multiply(BigDecimal.valueOf(CHART_WIDTH - 200)).divide(max, 0, RoundingMode.HALF_UP).intValue());
    }

    /** Rupiah as Indonesians write them: Rp 1.234.567 (whole rupiah). */
    static final class Money {
        private final DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("id")));

        public String format(BigDecimal amount) {
            return "Rp " + format.format(Optional.ofNullable(amount).orElse(BigDecimal.ZERO).setScale(0, RoundingMode.HALF_UP));
        }
    }
}
