package nl.incidents.command.escalation;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Durable deadlines: db-scheduler on the service's own database, set up by its Spring Boot starter
 * from the {@code db-scheduler.*} settings; Axon's {@code DbSchedulerDeadlineManager} schedules into
 * it. The starter wraps the data source in a transaction-aware proxy, so a deadline set while the
 * saga handles an event is written in that event's transaction; one that fell due while the service
 * was down fires when it is back. The sweep is a recurring task of the same scheduler, so with
 * several instances it runs on one at a time.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    static final String SWEEP_TASK = "escalation-sweep";

    @Bean
    RecurringTask<Void> sweepTask(OverdueSweep sweep, EscalationProperties properties) {
        return Tasks.recurring(SWEEP_TASK, FixedDelay.of(properties.sweep().interval()))
                .execute((instance, context) -> sweep.sweep());
    }

    /** Axon's own deadline manager on the starter's scheduler, with a cancellation that never stalls a handler. */
    @Bean
    DeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
                                    @Qualifier("eventSerializer") Serializer serializer,
                                    TransactionManager transactionManager, DeadlineManagerSpanFactory spans) {
        return new TolerantDeadlineManager(scheduler, DbSchedulerDeadlineManager.builder()
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spans)
                // The starter starts and stops the scheduler, with DeadlineLifecycle around it.
                .startScheduler(false)
                .stopScheduler(false));
    }

    @Bean
    DeadlineLifecycle deadlineLifecycle(Scheduler scheduler, OverdueSweep sweep, DbSchedulerProperties settings) {
        return new DeadlineLifecycle(scheduler, sweep, settings.getShutdownMaxWait());
    }
}
