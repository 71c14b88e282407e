package id.balai.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Values every page layout needs. */
@ControllerAdvice
class LayoutModel {

    @ModelAttribute("lang")
    String lang() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "id";
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
