package nl.incidents.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

/** Which mail failures are tried again. */
class MailDeliveryTest {

    @Test
    void aRejectedAddressOrAMessageThatCannotBeBuiltIsNotTriedAgain() throws Exception {
        SendFailedException rejected = new SendFailedException("550 no such user", null, new Address[0],
                new Address[0], new Address[] {new InternetAddress("gone@example.nl")});
        assertThat(MailDelivery.permanent(new MailSendException(Map.of(new Object(), rejected)))).isTrue();
        assertThat(MailDelivery.permanent(new MailParseException("bad address"))).isTrue();
    }

    @Test
    void aServerThatIsDownOrRefusesForNowIsTriedAgain() {
        assertThat(MailDelivery.permanent(new MailSendException("Mail server connection failed",
                new java.net.ConnectException("Connection refused")))).isFalse();
        SendFailedException later = new SendFailedException("451 try again later", null, new Address[0], new Address[0],
                new Address[0]);
        assertThat(MailDelivery.permanent(new MailSendException(Map.of(new Object(), later)))).isFalse();
        // Wrong credentials are the operator's to fix; until then the mails wait.
        assertThat(MailDelivery.permanent(new MailAuthenticationException("535 authentication failed"))).isFalse();
    }
}
