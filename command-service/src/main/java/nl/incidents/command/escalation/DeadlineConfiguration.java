package nl.incidents.command.escalation;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Durable deadlines: db-scheduler on the service's own database, which Axon's
 * {@code DbSchedulerDeadlineManager} (auto-configured once this {@link Scheduler} exists) schedules
 * into. A deadline scheduled while a saga handles an event is written in that event's transaction;
 * one that fell due while the service was down fires when it is back. The sweep runs as a recurring
 * task of the same scheduler, so with several instances it runs on one at a time.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    static final String SWEEP_TASK = "escalation-sweep";

    @Bean
    RecurringTask<Void> sweepTask(OverdueSweep sweep, EscalationProperties properties) {
        return Tasks.recurring(SWEEP_TASK, FixedDelay.of(properties.sweep().interval()))
                .execute((instance, context) -> sweep.sweep());
    }

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, RecurringTask<Void> sweepTask,
            EscalationProperties properties) {
        List<Task<?>> known = tasks.stream().filter(task -> task != sweepTask).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), known)
                .startTasks(sweepTask)
                .tableName("scheduled_tasks")
                .threads(properties.scheduler().threads())
                .pollingInterval(properties.scheduler().pollingInterval())
                .enableImmediateExecution()
                // On shutdown, running deadlines get this long to finish; one cut off runs again after the restart.
                .shutdownMaxWait(Duration.ofSeconds(20))
                // Inside a Spring transaction the transaction commits, not the scheduler.
                .commitWhenAutocommitDisabled(false)
                .build();
    }

    /**
     * Starts the scheduler once Axon's processors and sagas are running, stops it before they stop;
     * and sweeps at once on start-up, whatever the recurring sweep's next run.
     */
    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                try {
                    scheduler.reschedule(TaskInstanceId.of(SWEEP_TASK, RecurringTask.INSTANCE), Instant.now());
                } catch (RuntimeException alreadyRunning) {
                    // Picked by this or another instance at this moment: the sweep runs now either way.
                }
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
