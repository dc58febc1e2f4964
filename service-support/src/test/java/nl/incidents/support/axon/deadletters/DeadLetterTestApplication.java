package nl.incidents.support.axon.deadletters;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.incidents.support.axon.BatchWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A small service with the shared Axon wiring: a projection of cases and a saga per case, each with the
 * faults a real one meets (an event for a case it never saw, a refusal until something is fixed).
 */
@SpringBootApplication
public class DeadLetterTestApplication {

    record CaseOpened(String caseId) {
    }

    record MeasureTaken(String caseId) {
    }

    record NoteTaken(String caseId, String note) {
    }

    /** Projects cases; refuses a measure for a case it never saw, as a projection does. */
    @Component
    @ProcessingGroup("cases")
    static class CaseProjection {

        private final JdbcClient jdbc;
        private final JdbcTemplate batch;

        CaseProjection(JdbcClient jdbc, JdbcTemplate batch) {
            this.jdbc = jdbc;
            this.batch = batch;
        }

        /** Deferred to the batch's commit: a note longer than its column (10) fails only there. */
        @EventHandler
        void on(NoteTaken event) {
            BatchWrites.add(batch, "INSERT INTO test_note (case_id, note) VALUES (?, ?)", event.caseId(), event.note());
        }

        @EventHandler
        void on(CaseOpened event) {
            jdbc.sql("INSERT INTO test_case (case_id, measures) VALUES (?, 0)").param(event.caseId()).update();
        }

        @EventHandler
        void on(MeasureTaken event) {
            int updated = jdbc.sql("UPDATE test_case SET measures = measures + 1 WHERE case_id = ?")
                    .param(event.caseId()).update();
            if (updated == 0) {
                throw new IllegalStateException("A measure for case " + event.caseId() + ", which was never opened");
            }
        }
    }

    /** Escalates each case once opened; refuses the cases in {@link #REFUSED} until they are taken out. */
    @Saga
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    public static class CaseSaga {

        static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

        private String caseId;
        @JsonIgnore
        @Autowired
        private transient JdbcClient jdbc;

        @StartSaga
        @SagaEventHandler(associationProperty = "caseId")
        void on(CaseOpened event) {
            caseId = event.caseId();
            jdbc.sql("INSERT INTO test_case_escalated (case_id) VALUES (?)").param(caseId).update();
            if (REFUSED.contains(caseId)) {
                throw new IllegalStateException("The directory has no manager for case " + caseId);
            }
        }
    }
}
