package nl.incidents.web.services;

import nl.incidents.web.signin.SignInClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * HTTP clients for the command service ({@code commandService}) and the query service ({@code queryService}) that
 * send each request with the signed-in person's access token ({@code Authorization: Bearer}), refreshed here when it
 * has run out; the browser never sees a token. A token the service refuses (401 {@code invalid_token}) is dropped
 * from the session, so the next call asks for a new sign-in. The query service is also told the browser's address
 * ({@link ClientAddress}), for its access log. Time-outs: {@code spring.http.client.*}.
 */
@Configuration(proxyBeanMethods = false)
class ServiceClients {

    @Bean
    OAuth2ClientHttpRequestInterceptor personsToken(OAuth2AuthorizedClientManager authorizedClients,
                                                    OAuth2AuthorizedClientRepository sessions) {
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        interceptor.setClientRegistrationIdResolver(request -> SignInClient.REGISTRATION_ID);
        interceptor.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(sessions));
        return interceptor;
    }

    @Bean
    RestClient commandService(RestClient.Builder builder, ServicesProperties services, OAuth2ClientHttpRequestInterceptor personsToken) {
        return builder.baseUrl(services.commandServiceUrl().toString()).requestInterceptor(personsToken).build();
    }

    @Bean
    RestClient queryService(RestClient.Builder builder, ServicesProperties services, OAuth2ClientHttpRequestInterceptor personsToken) {
        return builder.baseUrl(services.queryServiceUrl().toString()).requestInterceptor(personsToken)
                .requestInterceptor(new ClientAddress()).build();
    }
}
