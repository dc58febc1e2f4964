package nl.incidents.query;

import nl.incidents.query.rebuild.ProjectionRebuild;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The read side: projects the event stream into case lists, dossiers and history, and serves them. Started with the
 * argument {@value ProjectionRebuild#COMMAND} it empties the projections for a replay instead
 * ({@link ProjectionRebuild}), and no service starts.
 */
@SpringBootApplication
public class QueryServiceApplication {

    public static void main(String[] args) {
        if (args.length > 0 && ProjectionRebuild.COMMAND.equals(args[0])) {
            ProjectionRebuild.main(args);
            return;
        }
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
