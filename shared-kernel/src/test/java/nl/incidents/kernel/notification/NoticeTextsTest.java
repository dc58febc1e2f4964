package nl.incidents.kernel.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.notification.Notice.Kind;
import org.junit.jupiter.api.Test;

/** Each kind of notice in Dutch and in English, from its facts alone, as a reader and a mail get it. */
class NoticeTextsTest {

    private static final IncidentId ID = IncidentId.of("3f2b6c1e-5d4a-4c3b-9a8e-7f6d5c4b3a21");
    private static final Instant DUE = Instant.parse("2026-11-30T20:15:00Z");
    private static final Instant MISSED = Instant.parse("2026-11-30T19:15:00Z");
    private static final Locale EN = Locale.ENGLISH;
    private static final Locale NL = NoticeTexts.DUTCH;

    @Test
    void anEscalationToTheManagerWithItsDeadline() {
        NoticeFacts facts = facts(Kind.ESCALATION, EscalationLevel.MANAGER, Step.ACKNOWLEDGE, DUE, null, 0, false, false);

        assertThat(NoticeTexts.subject(facts, NL)).isEqualTo("Melding " + ID + ": aan u doorgezet, bevestig uiterlijk 30 november 2026 21:15");
        assertThat(NoticeTexts.body(facts, NL)).isEqualTo("Melding " + ID + " van OBS De Esch (school-1) is aan u doorgezet.\n"
                + "Stap: de ontvangst bevestigen, uiterlijk 30 november 2026 21:15.");
        assertThat(NoticeTexts.subject(facts, EN)).isEqualTo("Incident " + ID + ": escalated to you, acknowledge by 2026-11-30 21:15 CET");
        assertThat(NoticeTexts.body(facts, EN)).isEqualTo("Incident " + ID + " at OBS De Esch (school-1) has been escalated to you.\n"
                + "Step: acknowledge the case, due 2026-11-30 21:15 CET.");
    }

    @Test
    void anEscalationToTheBoardAfterAMissedAcknowledgementUnderTheLegalDuty() {
        NoticeFacts facts = facts(Kind.ESCALATION, EscalationLevel.BOARD, Step.ACKNOWLEDGE, DUE, MISSED, 0, true, false);

        assertThat(NoticeTexts.subject(facts, NL)).isEqualTo("Melding " + ID
                + ": doorgezet naar het bestuur, de meldplicht geldt, bevestig uiterlijk 30 november 2026 21:15");
        assertThat(NoticeTexts.body(facts, NL)).contains("is doorgezet naar het bestuur.",
                "De ontvangst is niet bevestigd voor 30 november 2026 20:15, toen dat moest.",
                "De meldplicht van art. 4a WOT geldt: het bestuur raadpleegt direct de vertrouwensinspecteur.");
        assertThat(NoticeTexts.body(facts, EN)).contains("has been escalated to the board.",
                "It was not acknowledged by 2026-11-30 20:15 CET, when that was due.", "The legal duty of art. 4a WOT applies");
    }

    @Test
    void theManagerHearsThatTheCaseWentUp() {
        NoticeFacts facts = facts(Kind.ESCALATED_TO_BOARD, EscalationLevel.BOARD, Step.ACKNOWLEDGE, DUE, MISSED, 0, false, false);

        assertThat(NoticeTexts.subject(facts, NL)).isEqualTo("Melding " + ID + ": opgeschaald naar het bestuur");
        assertThat(NoticeTexts.body(facts, NL)).isEqualTo("Melding " + ID + " van OBS De Esch (school-1) is opgeschaald naar het bestuur.\n"
                + "De ontvangst is niet bevestigd voor 30 november 2026 20:15, toen dat moest.\n"
                + "Stap: de ontvangst bevestigen door het bestuur, uiterlijk 30 november 2026 21:15.\n"
                + "Als leidinggevende van deze melding blijft u haar samen met het bestuur behandelen.");
        assertThat(NoticeTexts.subject(facts, EN)).isEqualTo("Incident " + ID + ": went up to the board");
        assertThat(NoticeTexts.body(facts, EN)).endsWith("As the case's manager you keep handling it, together with the board.");
    }

    @Test
    void theBoardIsReminded() {
        NoticeFacts facts = facts(Kind.REMINDER, null, Step.POLICE_DECISION, DUE, null, 2, false, false);

        assertThat(NoticeTexts.subject(facts, NL)).isEqualTo("Melding " + ID + ": herinnering 2, besluiten over aangifte is te laat");
        assertThat(NoticeTexts.body(facts, NL)).contains("Bij melding " + ID + " van OBS De Esch (school-1) is een stap te laat.",
                "Stap: besluiten over aangifte, uiterlijk 30 november 2026 21:15.", "Dit is herinnering 2.");
        assertThat(NoticeTexts.subject(facts, EN)).isEqualTo("Incident " + ID + ": reminder 2, decide on a police report is overdue");
        assertThat(NoticeTexts.body(facts, EN)).contains("This is reminder 2.");
    }

    @Test
    void theCommunicationsDepartmentIsInformedByTheManagerOrByTheSystem() {
        NoticeFacts byManager = facts(Kind.COMMUNICATIONS, null, Step.NOTIFY_COMMUNICATIONS, DUE, null, 0, false, false);
        NoticeFacts bySystem = facts(Kind.COMMUNICATIONS, null, Step.NOTIFY_COMMUNICATIONS, DUE, null, 0, false, true);
        NoticeFacts toManager = facts(Kind.COMMUNICATIONS_BY_SYSTEM, null, Step.NOTIFY_COMMUNICATIONS, DUE, null, 0, false, true);

        assertThat(NoticeTexts.subject(byManager, NL)).isEqualTo("Melding " + ID + ": de communicatieafdeling is ingelicht");
        assertThat(NoticeTexts.body(byManager, NL)).endsWith("Stap: de communicatieafdeling inlichten, uiterlijk 30 november 2026 21:15: gedaan.");
        assertThat(NoticeTexts.body(bySystem, NL)).contains("gedaan door het systeem, omdat de leidinggevende");
        assertThat(NoticeTexts.subject(toManager, NL)).isEqualTo("Melding " + ID + ": het systeem heeft de communicatieafdeling ingelicht");
        assertThat(NoticeTexts.body(toManager, EN)).startsWith("The system informed the communications department of incident " + ID);
        assertThat(NoticeTexts.body(byManager, EN)).endsWith(": taken.");
    }

    @Test
    void aMailAddsTheCasesLinkAndSaysItNamesNoOne() {
        NoticeFacts facts = facts(Kind.ESCALATION, EscalationLevel.MANAGER, Step.ACKNOWLEDGE, null, null, 0, false, false);
        String link = "https://incidents.example.nl/cases/" + ID;

        assertThat(NoticeTexts.mailText(facts, NL, link)).isEqualTo(NoticeTexts.body(facts, NL) + "\n\nZaak: " + link
                + "\n\nDit bericht noemt geen betrokkenen en niets van wat er gebeurde. Log in om de melding te lezen.\n");
        assertThat(NoticeTexts.mailText(facts, EN, link)).contains("Step: acknowledge the case.", "Dossier: " + link,
                "This message names no one involved");
    }

    @Test
    void aSchoolTheDirectoryDoesNotKnowIsNamedByItsIdAndACaseWithoutASchoolInWords() {
        NoticeFacts unknownSchool = new NoticeFacts(Kind.COMMUNICATIONS, ID, "school-9", null, null, Step.NOTIFY_COMMUNICATIONS,
                null, null, 0, false, false);
        NoticeFacts noSchool = new NoticeFacts(Kind.COMMUNICATIONS, ID, null, null, null, Step.NOTIFY_COMMUNICATIONS,
                null, null, 0, false, false);

        assertThat(NoticeTexts.body(unknownSchool, NL)).contains("melding " + ID + " van school-9.");
        assertThat(NoticeTexts.body(noSchool, NL)).contains("van een school van het bestuur.");
        assertThat(NoticeTexts.body(noSchool, EN)).contains("at a school of the board.");
    }

    @Test
    void everyKindAndStepHasItsWordsInBothLanguagesAndOtherLanguagesReadDutch() {
        for (Locale locale : new Locale[] {NL, EN}) {
            for (Kind kind : Kind.values()) {
                for (Step step : Step.values()) {
                    for (boolean bySystem : new boolean[] {false, true}) {
                        NoticeFacts facts = facts(kind, kind == Kind.ESCALATION ? EscalationLevel.BOARD : null, step, DUE,
                                MISSED, kind == Kind.REMINDER ? 1 : 0, true, bySystem);
                        assertThat(NoticeTexts.subject(facts, locale)).as("%s %s", kind, locale).contains(ID.toString());
                        assertThat(NoticeTexts.mailText(facts, locale, "link")).as("%s %s", kind, locale).isNotBlank();
                    }
                }
            }
            // Both bundles have the same keys: a sentence added in one language only fails here.
            assertThat(keys(locale)).isEqualTo(keys(EN));
        }
        assertThat(NoticeTexts.language(Locale.GERMAN)).isEqualTo(NL);
        assertThat(NoticeTexts.language(Locale.UK)).isEqualTo(EN);
        assertThat(NoticeTexts.subject(facts(Kind.ESCALATED_TO_BOARD, EscalationLevel.BOARD, Step.ACKNOWLEDGE, DUE, null, 0,
                false, false), Locale.FRENCH)).contains("opgeschaald naar het bestuur");
    }

    private static Set<String> keys(Locale locale) {
        return Set.copyOf(Collections.list(ResourceBundle.getBundle(NoticeTexts.BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getKeys()));
    }

    private static NoticeFacts facts(Kind kind, EscalationLevel level, Step step, Instant due, Instant missed, int reminder,
                                     boolean legalDuty, boolean bySystem) {
        return new NoticeFacts(kind, ID, "school-1", "OBS De Esch", level, step, due, missed, reminder, legalDuty, bySystem);
    }
}
