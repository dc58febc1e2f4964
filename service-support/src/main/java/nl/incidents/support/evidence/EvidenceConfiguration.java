package nl.incidents.support.evidence;

import javax.sql.DataSource;
import nl.incidents.support.privacy.PersonalDataKeys;
import nl.incidents.support.privacy.PrivacyConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@link EvidenceStore} of both services, in their one database, encrypted with the keys of personal data. */
@AutoConfiguration(after = PrivacyConfiguration.class)
@ConditionalOnBean(PersonalDataKeys.class)
public class EvidenceConfiguration {

    @Bean
    EvidenceStore evidenceStore(DataSource dataSource, PlatformTransactionManager transactions, PersonalDataKeys keys) {
        return new JdbcEvidenceStore(dataSource, transactions, keys);
    }
}
