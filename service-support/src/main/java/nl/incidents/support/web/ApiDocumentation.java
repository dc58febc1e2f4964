package nl.incidents.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nl.incidents.support.messaging.Outages;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI documents of both services ({@code /v3/api-docs}, {@code /swagger-ui.html}): title,
 * version and description from {@code incidents.api.*}, the board's access token ({@code Authorization:
 * Bearer}) as the way to sign in, and beside the demo school board also HTTP Basic, and on every operation its
 * refusals as problem+json ({@code Problem}): 401 and 503 always (and 429 while HTTP Basic is on), 400/413/415
 * for a body, 400 for a path or query parameter, and those named by {@link ProblemAnswers}.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocumentation {

    static final String TOKEN = "bearer";
    static final String PASSWORD = "basic";
    static final String PROBLEM = "Problem";

    private static final Map<HttpStatus, String> MEANING = Map.of(
            HttpStatus.BAD_REQUEST, "Bad input: `detail` says what is wrong, `field` names the first field at fault by its JSON path.",
            HttpStatus.UNAUTHORIZED, "Not signed in: no access token, or one that has expired, was not issued by the "
                    + "board's sign-in for this API, or has been altered (in the demo also: a wrong user name or password, "
                    + "or none). `WWW-Authenticate` names the ways to sign in.",
            HttpStatus.FORBIDDEN, "The signed-in member's role may not do this, or not on this case; or the access "
                    + "token is valid but the board's directory does not know its person.",
            HttpStatus.NOT_FOUND, "There is no such case or person.",
            HttpStatus.CONFLICT, "The case's state does not allow this step now; `detail` says why.",
            HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than the service takes.",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is not sent as application/json.",
            HttpStatus.TOO_MANY_REQUESTS, "Too many password attempts for the account or from the address (demo "
                    + "only): the password was not checked. Try again after `Retry-After` seconds.",
            HttpStatus.SERVICE_UNAVAILABLE, "A back end (the database, Axon Server) is away for now. "
                    + "Try again after `Retry-After` seconds.");

    @Bean
    OpenAPI incidentsOpenApi(Environment environment) {
        Schema<?> problem = new ObjectSchema()
                .description("An RFC 9457 problem: why the request was not done, in words for a person.")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema()
                        .example("involvedParties[3].role must be one of PUPIL, PARENT, STAFF, OUTSIDER."))
                .addProperty("instance", new StringSchema().example("/api/incidents"))
                .addProperty("code", new StringSchema().example("field.invalid")
                        .description("The refusal's stable name, for a client to say it in its own words and language "
                                + "(`state.closed`, `policy.manager-or-board`, `field.required`...); the values such a text "
                                + "needs are further properties (`action`, `measure`, `role`)."))
                .addProperty("field", new StringSchema().example("involvedParties[3].role")
                        .description("The first field at fault, by its JSON path; only for bad input."));
        Components components = new Components()
                .addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token of the board's OpenID Connect provider (`incidents.sign-in.issuer`), "
                                + "for this API (`aud` " + environment.getProperty("incidents.sign-in.audience", "incidents-api")
                                + "), of a person in the board's directory."))
                .addSchemas(PROBLEM, problem);
        OpenAPI api = new OpenAPI()
                .info(new Info()
                        .title(environment.getRequiredProperty("incidents.api.title"))
                        .version(environment.getRequiredProperty("incidents.api.version"))
                        .description(environment.getProperty("incidents.api.description")))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
        if (SecurityConfiguration.passwordsOn(environment)) {
            components.addSecuritySchemes(PASSWORD, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                    .description("The demo school board only: a demo user's id and password (`demo`)."));
            api.addSecurityItem(new SecurityRequirement().addList(PASSWORD));
        }
        return api;
    }

    @Bean
    OperationCustomizer problemAnswers(Environment environment) {
        boolean passwords = SecurityConfiguration.passwordsOn(environment);
        return (operation, handler) -> {
            Set<HttpStatus> statuses = new LinkedHashSet<>();
            if (takesBody(handler)) {
                statuses.addAll(Set.of(HttpStatus.BAD_REQUEST, HttpStatus.PAYLOAD_TOO_LARGE, HttpStatus.UNSUPPORTED_MEDIA_TYPE));
            }
            if (takesParameters(handler)) {
                statuses.add(HttpStatus.BAD_REQUEST);
            }
            ProblemAnswers declared = handler.getMethodAnnotation(ProblemAnswers.class);
            if (declared != null) {
                statuses.addAll(Arrays.asList(declared.value()));
            }
            statuses.add(HttpStatus.UNAUTHORIZED);
            if (passwords) {
                statuses.add(HttpStatus.TOO_MANY_REQUESTS);
            }
            statuses.add(HttpStatus.SERVICE_UNAVAILABLE);
            statuses.stream().sorted().forEach(status -> add(operation, status));
            return operation;
        };
    }

    private static void add(Operation operation, HttpStatus status) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        String code = String.valueOf(status.value());
        if (operation.getResponses().containsKey(code)) {
            return;
        }
        ApiResponse response = new ApiResponse()
                .description(MEANING.getOrDefault(status, status.getReasonPhrase()))
                .content(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new io.swagger.v3.oas.models.media.MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        if (status == HttpStatus.UNAUTHORIZED) {
            response.addHeaderObject("WWW-Authenticate", new Header()
                    .description("The ways to sign in: `Bearer` (with `error=\"invalid_token\"` for a token not accepted), "
                            + "and `Basic` beside the demo school board.")
                    .schema(new StringSchema()));
        }
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            response.addHeaderObject("Retry-After", new Header()
                    .description("Seconds until the next password attempt is allowed.")
                    .schema(new IntegerSchema()));
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.addHeaderObject("Retry-After", new Header()
                    .description("Seconds to wait before trying again (" + Outages.RETRY_AFTER.toSeconds() + ").")
                    .schema(new IntegerSchema()));
        }
        operation.getResponses().addApiResponse(code, response);
    }

    private static boolean takesBody(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
    }

    private static boolean takesParameters(HandlerMethod handler) {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (p.hasParameterAnnotation(PathVariable.class) || p.hasParameterAnnotation(RequestParam.class)) {
                return true;
            }
        }
        return false;
    }
}
