package nl.incidents.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The web module (de voordeur): the one address a person opens. A backend-for-frontend that signs people in
 * with OpenID Connect, keeps their tokens in the server-side session and calls the command and query services
 * with the person's access token; in the embedded default also the OpenID Provider of the demo school board.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
