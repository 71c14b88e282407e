package id.balai.operations;

import id.balai.identity.StaffPrincipal;
import id.balai.platform.BalaiProperties;
import java.io.IOException;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/api/cadangan}: the same backups for scripts ({@code curl -u}), with HTTP Basic only and the
 * {@value OperationsApiSecurity#API_HEADER} header (see {@link OperationsApiSecurity} for why that is safe
 * without a CSRF token). Downloads stay at {@code /admin/cadangan/<name>}, which accepts HTTP Basic too.
 */
@RestController
@RequestMapping("/admin/api/cadangan")
class BackupApiController {

    private static final Logger log = LoggerFactory.getLogger(BackupApiController.class);

    /** A backup as the API shows it; {@code download} is the path to GET it from. */
    record BackupJson(String name, long size, String createdAt, String download) {
        static BackupJson of(BackupService.BackupFile file, ZoneId zone) {
            return new BackupJson(file.name(), file.size(), file.createdAt().atZone(zone).toOffsetDateTime().toString(),
                    "/admin/api/cadangan/" + file.name());
        }
    }

    private final BackupService backups;
    private final ZoneId zone;

    BackupApiController(BackupService backups, BalaiProperties balai) {
        this.backups = backups;
        this.zone = balai.timeZone();
    }

    @GetMapping
    List<BackupJson> list() {
        return backups.list().stream().map(b -> BackupJson.of(b, zone)).toList();
    }

    @GetMapping("/{name}")
    ResponseEntity<org.springframework.core.io.Resource> download(@org.springframework.web.bind.annotation.PathVariable String name,
            @AuthenticationPrincipal StaffPrincipal staff) {
        return BackupController.serve(backups, name, staff);
    }

    @PostMapping
    ResponseEntity<BackupJson> create(@AuthenticationPrincipal StaffPrincipal staff) {
        log.info("Backup requested through the API by staff #{}", BackupController.staffId(staff));
        try {
            BackupJson created = BackupJson.of(backups.createBackup(), zone);
            return ResponseEntity.created(URI.create(created.download())).body(created);
        } catch (BackupService.BackupInProgressException busy) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "another backup is running; try again in a moment");
        } catch (IOException failed) { // logged by the service
            throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, "the backup failed; see the server log");
        }
    }
}
