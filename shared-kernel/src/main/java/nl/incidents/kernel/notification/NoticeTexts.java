package nl.incidents.kernel.notification;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.incidents.kernel.calendar.SchoolCalendar;
import nl.incidents.kernel.incident.EscalationLevel;

/**
 * The words of a notice (de tekst van een bericht), written from its {@link NoticeFacts} in Dutch or English: its
 * subject, its body, and for a mail the body with the link to the case's page and a closing line. The texts are in
 * the kernel's bundles {@code nl/incidents/kernel/notification/notices_nl.properties} and {@code notices_en.properties}
 * ({@link MessageFormat} patterns, one per sentence), so the command service's mails and every reader's inbox say the
 * same in each language. Times are Dutch time (Europe/Amsterdam): {@code 30 november 2026 21:15} in Dutch,
 * {@code 2026-11-30 21:15 CET} in English, as the rest of the API gives them.
 *
 * <p>Like the facts, the texts name the case, its school, the step and its due time, and never who is involved or
 * what happened. Stateless and thread-safe ({@link ResourceBundle} keeps the bundles).
 */
public final class NoticeTexts {

    /** Dutch, the board's own language and the default. */
    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    /** The bundles' base name on the class path. */
    public static final String BUNDLE = "nl.incidents.kernel.notification.notices";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private NoticeTexts() {
    }

    /** The language the texts are written in for a request of this locale: English for English, else Dutch. */
    public static Locale language(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : DUTCH;
    }

    /** The notice's subject line, such as {@code Melding 3f2b...: aan u doorgestuurd, bevestig uiterlijk 30 november 2026 21:15}. */
    public static String subject(NoticeFacts facts, Locale locale) {
        Words w = new Words(locale);
        String id = facts.incidentId().toString();
        return switch (facts.kind()) {
            case ESCALATION -> {
                String subject = facts.level() == EscalationLevel.MANAGER ? w.text("subject.escalation.manager", id)
                        : facts.legalDuty() ? w.text("subject.escalation.board.legalDuty", id)
                        : w.text("subject.escalation.board", id);
                yield facts.dueAt() == null ? subject
                        : w.text("subject.escalation.acknowledgeBy", subject, w.time(facts.dueAt()));
            }
            case ESCALATED_TO_BOARD -> w.text("subject.escalatedToBoard", id);
            case REMINDER -> w.text("subject.reminder", id, String.valueOf(facts.reminder()), w.step(facts));
            case COMMUNICATIONS -> w.text("subject.communications", id);
            case COMMUNICATIONS_BY_SYSTEM -> w.text("subject.communicationsBySystem", id);
            case NEED_TO_KNOW_READER_ADDED -> w.text("subject.needToKnowReaderAdded", id);
        };
    }

    /** The notice's sentences, one a line, without the link and the closing line a mail adds. */
    public static String body(NoticeFacts facts, Locale locale) {
        Words w = new Words(locale);
        String id = facts.incidentId().toString();
        String school = w.school(facts);
        List<String> lines = new ArrayList<>();
        switch (facts.kind()) {
            case ESCALATION -> {
                boolean board = facts.level() != EscalationLevel.MANAGER;
                lines.add(w.text(board ? "escalation.board" : "escalation.manager", id, school));
                missed(w, facts, lines);
                lines.add(facts.dueAt() == null ? w.text("step", w.step(facts))
                        : w.text("step.due", w.step(facts), w.time(facts.dueAt())));
                if (board && facts.legalDuty()) {
                    lines.add(w.text("legalDuty"));
                }
            }
            case ESCALATED_TO_BOARD -> {
                lines.add(w.text("escalatedToBoard", id, school));
                missed(w, facts, lines);
                if (facts.dueAt() != null) {
                    lines.add(w.text("escalatedToBoard.step.due", w.step(facts), w.time(facts.dueAt())));
                }
                lines.add(w.text("escalatedToBoard.keepHandling"));
            }
            case REMINDER -> {
                lines.add(w.text("reminder", id, school));
                lines.add(facts.dueAt() == null ? w.text("step", w.step(facts))
                        : w.text("step.due", w.step(facts), w.time(facts.dueAt())));
                lines.add(w.text("reminder.number", String.valueOf(facts.reminder())));
            }
            case COMMUNICATIONS -> {
                lines.add(w.text("communications", id, school));
                lines.add(taken(w, facts, facts.bySystem() ? "communications.takenBySystem" : "communications.taken"));
            }
            case COMMUNICATIONS_BY_SYSTEM -> {
                lines.add(w.text("communicationsBySystem", id, school));
                lines.add(taken(w, facts, "communicationsBySystem.taken"));
            }
            case NEED_TO_KNOW_READER_ADDED -> {
                lines.add(w.text("needToKnowReaderAdded", id, school));
                lines.add(w.text("needToKnowReaderAdded.keep"));
            }
        }
        return String.join("\n", lines);
    }

    /**
     * A mail's text: the body, the link to the case's page and a line saying that the mail names no one involved.
     *
     * @param caseLink the case's page in the web module, an absolute URL
     */
    public static String mailText(NoticeFacts facts, Locale locale, String caseLink) {
        Words w = new Words(locale);
        return body(facts, locale) + "\n\n" + w.text("dossier", caseLink) + "\n\n" + w.text("footer") + "\n";
    }

    private static void missed(Words w, NoticeFacts facts, List<String> lines) {
        if (facts.missedAcknowledgement() != null) {
            lines.add(w.text("missedAcknowledgement", w.time(facts.missedAcknowledgement())));
        }
    }

    private static String taken(Words w, NoticeFacts facts, String key) {
        return facts.dueAt() == null ? w.text(key, w.step(facts)) : w.text(key + ".due", w.step(facts), w.time(facts.dueAt()));
    }

    /** One language's bundle and time format. */
    private static final class Words {

        private final Locale locale;
        private final ResourceBundle bundle;
        private final DateTimeFormatter time;

        Words(Locale requested) {
            locale = language(requested);
            bundle = ResourceBundle.getBundle(BUNDLE, locale, NoticeTexts.class.getClassLoader(), NO_FALLBACK);
            time = DateTimeFormatter.ofPattern(bundle.getString("time.pattern"), locale).withZone(SchoolCalendar.ZONE);
        }

        /** A sentence of the bundle with its values, which are given as text (no number or date formatting). */
        String text(String key, Object... args) {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        }

        String time(Instant at) {
            return time.format(at);
        }

        String step(NoticeFacts facts) {
            return bundle.getString("step." + facts.step().name());
        }

        String school(NoticeFacts facts) {
            if (facts.schoolId() == null) {
                return text("school.unknown");
            }
            return facts.schoolName() == null ? facts.schoolId() : text("school.named", facts.schoolName(), facts.schoolId());
        }
    }
}
