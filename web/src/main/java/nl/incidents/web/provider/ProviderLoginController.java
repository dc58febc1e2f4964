package nl.incidents.web.provider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The embedded provider's sign-in form (only with the demo): user name and password of the demo school board, with
 * what went wrong last time: a wrong user name or password, or too many attempts and how long to wait, in whole
 * minutes (rounded up) from a minute on, else in seconds.
 */
@Controller
@ConditionalOnProperty(name = "incidents.demo.enabled", havingValue = "true")
class ProviderLoginController {

    @GetMapping(EmbeddedProviderConfiguration.LOGIN_PAGE)
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String refused, Model model) {
        model.addAttribute("wrong", error != null);
        long seconds = refused == null ? 0 : parse(refused);
        if (seconds > 0) {
            boolean inMinutes = seconds >= 60;
            long amount = inMinutes ? (seconds + 59) / 60 : seconds;
            model.addAttribute("waitAmount", amount);
            model.addAttribute("waitUnit", "provider.wait." + (inMinutes ? "minutes" : "seconds") + (amount == 1 ? ".one" : ".many"));
        }
        return "provider/login";
    }

    private static long parse(String seconds) {
        try {
            return Math.min(Long.parseLong(seconds), 24 * 3600);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
