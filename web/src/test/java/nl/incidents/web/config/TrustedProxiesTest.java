package nl.incidents.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Only this machine may tell the web module a client's address and scheme (X-Forwarded-*) unless
 * INCIDENTS_TRUSTED_PROXIES names the board's proxy: another computer on a school's network must not
 * choose the address the sign-in limit counts.
 */
class TrustedProxiesTest {

    @Test
    void byDefaultOnlyThisMachineIsTrustedAsAProxy() {
        StandardEnvironment settings = new StandardEnvironment();
        settings.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        ConfigDataEnvironmentPostProcessor.applyTo(settings, new DefaultResourceLoader(), new DefaultBootstrapContext(),
                List.of());
        Pattern trusted = Pattern.compile(settings.getProperty("server.tomcat.remoteip.internal-proxies"));
        assertThat(trusted.matcher("127.0.0.1").matches()).isTrue();
        assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
        assertThat(trusted.matcher("10.0.0.5").matches()).isFalse();
        assertThat(trusted.matcher("192.168.1.20").matches()).isFalse();
        assertThat(trusted.matcher("127x0y0z1").matches()).isFalse();
    }
}
