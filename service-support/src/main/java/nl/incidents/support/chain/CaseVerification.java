package nl.incidents.support.chain;

/**
 * The result of checking one case's hash chain (controle van de geschiedenis van een zaak).
 *
 * @param caseId            the case
 * @param intact            true when every event carries its hash, matches its chain, and nothing is missing
 * @param events            how many events the case has in the store
 * @param head              the hash of the case's last hashed event (64 hexadecimal digits), or null when none has one
 * @param firstBreak        where the chain first breaks, or null when it is intact
 */
public record CaseVerification(String caseId, boolean intact, long events, String head, ChainBreak firstBreak) {
}
