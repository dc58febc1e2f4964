package nl.incidents.web.signin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page: one button that starts the sign-in at the OpenID Provider, and why the last attempt failed. */
@Controller
class SignInController {

    @GetMapping(SignInConfiguration.SIGN_IN_PAGE)
    String signIn(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("start", "/oauth2/authorization/" + SignInClient.REGISTRATION_ID);
        return "signin";
    }
}
