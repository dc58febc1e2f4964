package nl.incidents.command.retention;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily retention run as a db-scheduler recurring task ({@value #TASK} in {@code scheduled_tasks}), so with
 * several instances it runs on one: every day at {@code incidents.retention.task-time} Dutch time (03:00 unless set,
 * after the history digest and outside school hours), it erases what is due ({@link RetentionSchedule#run()}).
 */
@Configuration(proxyBeanMethods = false)
class RetentionTaskConfiguration {

    static final String TASK = "retention";

    @Bean
    RecurringTask<Void> retentionTask(RetentionSchedule schedule) {
        return Tasks.recurring(TASK, schedule.daily()).execute((instance, context) -> schedule.run());
    }

    /** The schedule's "now": the system's clock (a test moves it years ahead). */
    @Bean
    Clock retentionClock() {
        return Clock.systemUTC();
    }
}
