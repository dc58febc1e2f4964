package nl.incidents.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import nl.incidents.kernel.RequestRefused;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * What a handler's failure becomes for its sender: a refusal or an outage travels as the details of the
 * execution exception of the message's kind; a fault of the code stays what it was.
 */
class RefusalInterceptorTest {

    private final RefusalInterceptor interceptor = new RefusalInterceptor();
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("a command");
    private final Message<?> query = new GenericQueryMessage<>("a query", ResponseTypes.instanceOf(String.class));

    @Test
    void aRefusalTravelsAsDetailsOfTheExecutionExceptionOfItsKind() {
        RequestRefused refused = RequestRefused.forbidden("policy.manager-or-board", "Your role may not do this.");
        Throwable onCommand = failure(command, () -> {
            throw refused;
        });
        assertThat(onCommand).isInstanceOf(CommandExecutionException.class);
        assertThat(((HandlerExecutionException) onCommand).getDetails()).contains(refused.details());
        Throwable onQuery = failure(query, () -> {
            throw refused;
        });
        assertThat(onQuery).isInstanceOf(QueryExecutionException.class);
        assertThat(((HandlerExecutionException) onQuery).getDetails()).contains(refused.details());
    }

    @Test
    void anUnknownCaseIsARefusalToo() {
        Throwable unknown = failure(command, () -> {
            throw new AggregateNotFoundException("42", "The aggregate was not found in the event store");
        });
        assertThat(((HandlerExecutionException) unknown).getDetails())
                .contains(new RequestRefused.Details(RequestRefused.Kind.NOT_FOUND, "case.unknown", null, "There is no incident 42.", java.util.Map.of()));
    }

    @Test
    void aBackEndThatIsAwayTravelsAsAnOutage() {
        for (Exception away : new Exception[] {
                new JdbcException("Failed to obtain a connection", new SQLTransientConnectionException("timed out")),
                new CannotGetJdbcConnectionException("refused"),
                new DataAccessResourceFailureException("gone"),
                new QueryTimeoutException("slow"),
                new AxonServerException("AXONIQ-0001", "no connection"),
                new NoHandlerForCommandException("nobody"),
                new NoHandlerForQueryException("nobody"),
                new IllegalStateException("waited", new TimeoutException()),
                new JdbcException("Failed to create a SQL statement", closedByThePool())}) {
            Throwable carried = failure(query, () -> {
                throw away;
            });
            assertThat(carried).as("%s", away).isInstanceOf(QueryExecutionException.class);
            assertThat(((HandlerExecutionException) carried).getDetails()).as("%s", away)
                    .containsInstanceOf(Outages.BackEndAway.class);
            assertThat(Outages.backEndAway(new CommandExecutionException("remote", away))).isTrue();
        }
    }

    @Test
    void aFaultOfTheCodeStaysWhatItWas() {
        IllegalStateException bug = new IllegalStateException("a bug");
        assertThat(failure(command, () -> {
            throw bug;
        })).isSameAs(bug);
        assertThat(Outages.backEndAway(bug)).isFalse();
        assertThat(Outages.backEndAway(RequestRefused.conflict("state.closed", "closed"))).isFalse();
        assertThat(Outages.backEndAway(new SQLException("Connection is closed"))).as("not from the pool").isFalse();
    }

    /** What Hikari throws on a connection it closed because it broke under the code that held it. */
    private static SQLException closedByThePool() {
        SQLException closed = new SQLException("Connection is closed");
        closed.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection", "lambda$getClosedConnection$0",
                        "ProxyConnection.java", 515)});
        return closed;
    }

    private Throwable failure(Message<?> message, InterceptorChain chain) {
        DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        try {
            return catchThrowable(() -> interceptor.handle(unitOfWork, chain));
        } finally {
            unitOfWork.rollback();
        }
    }
}
