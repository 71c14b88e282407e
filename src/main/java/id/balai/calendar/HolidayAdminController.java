package id.balai.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/libur}: the city admin keeps the holiday list current (national holidays and cuti
 * bersama change every year by decree). Deadlines computed after a change use the new list.
 */
@Controller
class HolidayAdminController {

    private final Holidays holidays;

    HolidayAdminController(Holidays holidays) {
        this.holidays = holidays;
    }

    @GetMapping("/admin/libur")
    String list(Model model) {
        model.addAttribute("holidays", holidays.all());
        return "admin/holidays";
    }

    @PostMapping("/admin/libur")
    String add(@RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        LocalDate day;
        try {
            day = LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("flashError", "error.holiday.date");
            return "redirect:/admin/libur";
        }
        String label = name.strip();
        if (label.isEmpty() || label.length() > 200) {
            redirect.addFlashAttribute("flashError", "error.holiday.name");
            return "redirect:/admin/libur";
        }
        holidays.add(day, label);
        redirect.addFlashAttribute("flash", "flash.holiday.saved");
        return "redirect:/admin/libur";
    }

    @PostMapping("/admin/libur/hapus")
    String remove(@RequestParam(defaultValue = "") String date, RedirectAttributes redirect) {
        try {
            holidays.remove(LocalDate.parse(date.trim()));
            redirect.addFlashAttribute("flash", "flash.holiday.removed");
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("flashError", "error.holiday.date");
        }
        return "redirect:/admin/libur";
    }
}
