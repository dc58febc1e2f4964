package nl.incidents.command;

import nl.incidents.command.integrity.HistoryVerificationTool;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The write side: takes commands over HTTP, decides them in the Incident aggregate, stores the events. Started with
 * the argument {@value HistoryVerificationTool#COMMAND} it is the operator's check of the history instead
 * ({@link HistoryVerificationTool}), and no service starts.
 */
@SpringBootApplication
public class CommandServiceApplication {

    public static void main(String[] args) {
        if (args.length > 0 && HistoryVerificationTool.COMMAND.equals(args[0])) {
            HistoryVerificationTool.main(args);
            return;
        }
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
