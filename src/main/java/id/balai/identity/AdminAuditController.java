package id.balai.identity;

import id.balai.platform.BalaiProperties;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin/jejak}: the city admin reads the latest entries of the admin audit trail (read-only).
 * The staff id is what is stored; the page adds the account's user name for the reader.
 */
@Controller
class AdminAuditController {

    static final int SHOWN = 200;

    private final AdminAudit audit;
    private final StaffAccounts accounts;
    private final BalaiProperties balai;

    AdminAuditController(AdminAudit audit, StaffAccounts accounts, BalaiProperties balai) {
        this.audit = audit;
        this.accounts = accounts;
        this.balai = balai;
    }

    /** One line of the page: the entry, its time in the city's zone, and who (null for the system). */
    record Row(AdminAudit.Entry entry, ZonedDateTime at, String username) {}

    @GetMapping("/admin/jejak")
    String latest(Model model) {
        Map<Long, String> usernames = accounts.list(null, null).stream()
                .collect(Collectors.toMap(StaffPrincipal::id, StaffPrincipal::username));
        List<Row> rows = audit.latest(SHOWN).stream()
                .map(e -> new Row(e, e.at().atZone(balai.timeZone()), e.staffId() == null ? null : usernames.get(e.staffId())))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("shown", SHOWN);
        return "admin/audit";
    }
}
