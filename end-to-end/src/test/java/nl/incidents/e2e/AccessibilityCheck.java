package nl.incidents.e2e;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core run on the page a browser session shows, against WCAG 2.0 and 2.1 A and AA: every violation whose
 * impact is serious or critical fails, with a message a person can act on (the rule, what it asks, where on the page,
 * what axe found and the rule's explanation). Minor and moderate findings are returned, not failed.
 */
final class AccessibilityCheck {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> FAILING = Set.of("serious", "critical");

    private AccessibilityCheck() {
    }

    /**
     * Checks the page now shown.
     *
     * @param page a name for the page in the message
     * @return the findings that do not fail (minor, moderate), one line each
     * @throws AssertionError naming every serious or critical violation
     */
    static List<String> assertNoSeriousViolations(WebDriver browser, String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + page + ": " + results.getErrorMessage());
        }
        List<Rule> failing = results.getViolations().stream().filter(rule -> FAILING.contains(rule.getImpact())).toList();
        if (!failing.isEmpty()) {
            throw new AssertionError(failing.size() + " serious or critical accessibility violation(s) on " + page
                    + " (" + browser.getCurrentUrl() + "):\n" + failing.stream().map(AccessibilityCheck::describe)
                    .collect(Collectors.joining("\n")));
        }
        return results.getViolations().stream().map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp())
                .toList();
    }

    private static String describe(Rule rule) {
        StringBuilder text = new StringBuilder("- [").append(rule.getImpact()).append("] ").append(rule.getId())
                .append(": ").append(rule.getHelp()).append(" (").append(rule.getHelpUrl()).append(")");
        for (CheckedNode node : rule.getNodes()) {
            text.append("\n    at ").append(node.getTarget()).append(": ").append(oneLine(node.getHtml()));
            if (node.getFailureSummary() != null) {
                text.append("\n      ").append(oneLine(node.getFailureSummary()));
            }
        }
        return text.toString();
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
