package nl.incidents.support.web;

import nl.incidents.support.IncidentsProperties;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The HTTP edge both services share: strict reading of input (JSON bodies, path and query
 * parameters, bounded bodies), and problem+json for every answer that is not a success, whoever
 * gives it: Spring MVC ({@link ProblemHandling}), the error page ({@link ProblemErrorController}),
 * Spring Security ({@link SecurityProblems}) or Tomcat ({@link ProblemErrorReportValve}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
public class WebConfiguration {

    @Bean
    ProblemHandling problemHandling() {
        return new ProblemHandling();
    }

    /** Takes the place of Spring Boot's error controller, which answers only when none is defined. */
    @Bean
    ProblemErrorController problemErrorController(ProblemHandling problemHandling) {
        return new ProblemErrorController(problemHandling);
    }

    @Bean
    StrictJsonInput strictJsonInput() {
        return new StrictJsonInput();
    }

    @Bean
    StrictParameters strictParameters() {
        return new StrictParameters();
    }

    /** After Spring Security, so that a caller who is not signed in hears only that. */
    @Bean
    FilterRegistrationBean<RequestBodyGuard> requestBodyGuard(IncidentsProperties properties) {
        FilterRegistrationBean<RequestBodyGuard> registration =
                new FilterRegistrationBean<>(new RequestBodyGuard(properties.http().maxBodySize()));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> ProblemErrorReportValve.install(context.getParent()));
    }

    /**
     * Validation stops at the first violation: a request is refused for its first fault, and a list of
     * 10,000 nulls costs one check, not 10,000 violations.
     */
    @Bean
    ValidationConfigurationCustomizer failFastValidation() {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                hibernate.failFast(true);
            }
        };
    }
}
