package nl.incidents.command.escalation;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a deadline that cannot be cancelled
 * changes nothing and fails nothing. A deadline's row is locked while it runs, and stays locked when
 * the instance that picked it died or lost its database connection, until db-scheduler declares
 * that execution dead; refusing the cancellation would fail the saga's event, and its segment would
 * retry, holding up every later report in it, for as long. Such a deadline fires later instead and
 * the case ignores it: {@code MarkStepOverdue} acts only on the due time the case still holds.
 * (Gone already, because it fired or was cancelled, is just as harmless.)
 */
class TolerantDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(TolerantDeadlineManager.class);

    private final Scheduler scheduler;

    /** Axon's manager as {@code builder} describes it, on this scheduler. */
    TolerantDeadlineManager(Scheduler scheduler, DbSchedulerDeadlineManager.Builder builder) {
        super(builder.scheduler(scheduler));
        this.scheduler = scheduler;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
            } catch (TaskInstanceException runningOrGone) {
                log.debug("Deadline {} ({}) is running, held by another instance or gone; if it fires, the case "
                        + "ignores it: {}", scheduleId, deadlineName, runningOrGone.getMessage());
            }
        });
    }
}
