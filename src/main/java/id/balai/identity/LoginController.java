package id.balai.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping("/staf/masuk")
    String login() {
        return "identity/login";
    }
}
