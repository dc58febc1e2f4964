package nl.incidents.support.privacy;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import nl.incidents.support.axon.AxonConfiguration;
import nl.incidents.support.store.EmbeddedStore;
import nl.incidents.support.store.EmbeddedStoreConfiguration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Encryption of personal data in both services: the master key, the key store and the cipher the event serializer
 * uses (see README, "Personal data and encryption").
 * <p>
 * The master key comes from {@code INCIDENTS_MASTER_KEY}. Without it, on the embedded H2 store a key is generated
 * into the data directory (owner-only, like the database password); on any other database (the {@code postgres}
 * and {@code axonserver} profiles) the service refuses to start, saying so. With {@code
 * INCIDENTS_PREVIOUS_MASTER_KEY} as well, every stored key is wrapped anew with the new master key once the service
 * has started (in the background: it takes time in proportion to the number of keys).
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        before = AxonConfiguration.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyConfiguration {

    static final String MASTER_KEY = "INCIDENTS_MASTER_KEY";

    @Bean
    PersonalDataKeys personalDataKeys(DataSource dataSource, PlatformTransactionManager transactions,
                                      PrivacyProperties properties, Environment environment) {
        MasterKey master = MasterKey.of(masterKey(properties, environment), MASTER_KEY);
        MasterKey previous = blank(properties.previousMasterKey()) ? null
                : MasterKey.of(properties.previousMasterKey(), "INCIDENTS_PREVIOUS_MASTER_KEY");
        return new PersonalDataKeys(dataSource, transactions, master, previous, properties.keyCache(), Clock.systemUTC());
    }

    @Bean
    PersonalDataCipher personalDataCipher(PersonalDataKeys keys) {
        return new PersonalDataCipher(keys, AxonConfiguration.plainMapper());
    }

    @Bean
    StoredEvents storedEvents(PersonalDataCipher cipher) {
        return new StoredEvents(cipher, AxonConfiguration.plainMapper());
    }

    /**
     * At start-up, once the schema is there: the check that the master key opens the stored keys (a wrong key stops
     * the start instead of failing on every event). It reads one key, however many there are.
     */
    @Bean
    SmartInitializingSingleton masterKeyCheck(PersonalDataKeys keys, DataSource dataSource) {
        return () -> {
            if (keyTableExists(dataSource)) { // the command service creates it; the query service may start first in a test
                keys.checkMasterKey();
            }
        };
    }

    /** During a rotation ({@code INCIDENTS_PREVIOUS_MASTER_KEY} set): every key wrapped anew, beside the running service. */
    @Bean
    MasterKeyRotation masterKeyRotation(PersonalDataKeys keys, DataSource dataSource, PrivacyProperties properties) {
        return new MasterKeyRotation(keys, () -> !blank(properties.previousMasterKey()) && keyTableExists(dataSource));
    }

    private static String masterKey(PrivacyProperties properties, Environment environment) {
        if (!blank(properties.masterKey())) {
            return properties.masterKey();
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:mem:")) {
            return MasterKey.generate(); // a database that lives as long as the process: so may its key
        }
        Optional<EmbeddedStore> store = EmbeddedStoreConfiguration.of(environment);
        if (store.isPresent()) {
            return store.get().masterKey(MasterKey::generate);
        }
        throw new IllegalStateException(MASTER_KEY + " is not set: on a database other than the embedded one (the "
                + "postgres and axonserver profiles) the services need the master key that protects personal data, "
                + "32 random bytes in base64 (make one with 'openssl rand -base64 32' and keep it safe: without it "
                + "the personal data in the database cannot be read)");
    }

    private static boolean keyTableExists(DataSource dataSource) {
        try {
            new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM personal_data_key WHERE 1 = 0", Long.class);
            return true;
        } catch (org.springframework.dao.DataAccessException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
