package id.balai.reports.web;

import id.balai.reports.domain.WorkflowException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The page a person sees when something they asked for does not exist. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotFound extends RuntimeException {
    NotFound() {
        super("not found");
    }
}

final class WebErrors {
    private WebErrors() {}

    /** Unknown report codes are 404s whether the code is malformed or simply unused. */
    static RuntimeException notFound() {
        return new NotFound();
    }

    static boolean isUnknownReport(WorkflowException e) {
        return "error.report.unknown".equals(e.messageKey());
    }

    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }
}
