package nl.incidents.command.integrity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily digest as a db-scheduler recurring task ({@value #TASK} in {@code scheduled_tasks}), so with several
 * instances it runs on one: every day at {@code incidents.history.digest-time} Dutch time (00:30 unless set), for the
 * day that just ended.
 */
@Configuration(proxyBeanMethods = false)
class IntegrityTaskConfiguration {

    static final String TASK = "history-digest";

    @Bean
    RecurringTask<Void> historyDigestTask(HistoryIntegrity integrity,
                                          @Value("${incidents.history.digest-time:00:30}") LocalTime at) {
        return Tasks.recurring(TASK, Schedules.daily(HistoryIntegrity.ZONE, at))
                .execute((instance, context) -> integrity.dailyDigest());
    }
}
