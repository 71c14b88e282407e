package id.balai.operations;

import id.balai.identity.StaffPrincipal;
import id.balai.platform.BalaiProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/cadangan}: the city admin sees the backups, makes one now and downloads them. Only
 * {@code ROLE_CITY_ADMIN} reaches {@code /admin/**} (see the identity module's security configuration).
 */
@Controller
@RequestMapping("/admin/cadangan")
class BackupController {

    private static final Logger log = LoggerFactory.getLogger(BackupController.class);

    record Row(String name, String size, String createdAt) {}

    private final BackupService backups;
    private final BackupProperties properties;
    private final BalaiProperties balai;

    BackupController(BackupService backups, BackupProperties properties, BalaiProperties balai) {
        this.backups = backups;
        this.properties = properties;
        this.balai = balai;
    }

    @GetMapping
    String page(Model model, Locale locale, HttpServletResponse response) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", locale).withZone(balai.timeZone());
        List<Row> rows = backups.list().stream()
                .map(b -> new Row(b.name(), BackupService.human(b.size()), when.format(b.createdAt())))
                .toList();
        model.addAttribute("backups", rows);
        model.addAttribute("folder", backups.backupsDir().toString());
        model.addAttribute("keep", properties.keep());
        model.addAttribute("daily", properties.daily());
        model.addAttribute("dailyAt", properties.dailyAt().format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)));
        model.addAttribute("zone", balai.timeZone().getId());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return "admin/backups";
    }

    @PostMapping
    String create(RedirectAttributes redirect, @AuthenticationPrincipal StaffPrincipal staff) {
        log.info("Backup requested on the admin page by staff #{}", staffId(staff));
        try {
            redirect.addFlashAttribute("created", backups.createBackup().name());
        } catch (BackupService.BackupInProgressException busy) {
            redirect.addFlashAttribute("backupError", "backup.busy");
        } catch (IOException | RuntimeException failed) { // logged by the service
            redirect.addFlashAttribute("backupError", "backup.failed");
        }
        return "redirect:/admin/cadangan";
    }

    /** Serves a backup; the name must be exactly {@code balai-yyyyMMdd-HHmmss.zip}, anything else is a 404. */
    @GetMapping("/{name}")
    ResponseEntity<Resource> download(@PathVariable String name, @AuthenticationPrincipal StaffPrincipal staff) {
        return serve(backups, name, staff);
    }

    /** The backup file as a download, for the page and the script API alike. */
    static ResponseEntity<Resource> serve(BackupService backups, String name, StaffPrincipal staff) {
        Path file = backups.find(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        log.info("Backup {} downloaded by staff #{}", name, staffId(staff));
        Resource body = new FileSystemResource(file);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    static String staffId(StaffPrincipal staff) {
        return staff == null ? "?" : String.valueOf(staff.id());
    }
}
