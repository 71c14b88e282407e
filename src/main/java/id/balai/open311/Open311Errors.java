package id.balai.open311;

import id.balai.open311.Open311Document.Fields;
import id.balai.open311.Open311Document.Items;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal of the Open311 endpoints as the spec's {@code errors} list, in the format asked for. */
@RestControllerAdvice(basePackageClasses = Open311Errors.class)
class Open311Errors {

    private final MessageSource messages;

    Open311Errors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> refused(Open311Exception e) {
        String description = messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale());
        Fields error = Fields.of("error").put("code", e.status()).put("description", description);
        ResponseEntity<byte[]> answer = e.format().answer(e.status(), new Items("errors", "error", List.of(error)));
        if (e.retryAfter() <= 0) return answer;
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter())).body(answer.getBody());
    }
}
