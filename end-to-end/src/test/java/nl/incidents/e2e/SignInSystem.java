package nl.incidents.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The command service, the query service and the web module started from their jars as separate processes, on a
 * fresh embedded store, with the demo: the web module's embedded OpenID Provider signs people in, and both services
 * take its tokens (their issuer and key set point at the web module's random port). Started in run.sh's order;
 * stopped all at once.
 */
final class SignInSystem implements AutoCloseable {

    /** The web module's client secret at the embedded provider in {@link #shared()}, for tests that use the flow by hand. */
    static final String SHARED_CLIENT_SECRET = "e2e-" + java.util.UUID.randomUUID();
    private static SignInSystem shared;

    private final ServiceProcess commandService;
    private final ServiceProcess queryService;
    private final ServiceProcess web;

    /**
     * @param clientSecret the web module's client secret at its embedded provider (null: generated, unknown here)
     * @param logName      the folder under target/e2e-logs for the three processes' logs
     */
    SignInSystem(String clientSecret, String logName) throws Exception {
        this(clientSecret, logName, Map.of());
    }

    /**
     * @param clientSecret the web module's client secret at its embedded provider (null: generated, unknown here)
     * @param logName      the folder under target/e2e-logs for the three processes' logs
     * @param settings     more environment for all three processes (such as {@code SPRING_APPLICATION_JSON})
     */
    SignInSystem(String clientSecret, String logName, Map<String, String> settings) throws Exception {
        int commandPort = ServiceProcess.freePort();
        int queryPort = ServiceProcess.freePort();
        int webPort = ServiceProcess.freePort();
        String webUrl = "http://localhost:" + webPort;
        Map<String, String> env = new HashMap<>(Map.of(
                "INCIDENTS_DEMO", "true",
                "INCIDENTS_DATA_DIR", Files.createTempDirectory("incidents-e2e").toString(),
                "INCIDENTS_H2_PORT", String.valueOf(ServiceProcess.freePort()),
                "COMMAND_SERVICE_PORT", String.valueOf(commandPort),
                "QUERY_SERVICE_PORT", String.valueOf(queryPort),
                "WEB_PORT", String.valueOf(webPort),
                "COMMAND_SERVICE_URL", "http://localhost:" + commandPort,
                "QUERY_SERVICE_URL", "http://localhost:" + queryPort,
                "INCIDENTS_OIDC_ISSUER", webUrl,
                "INCIDENTS_OIDC_JWK_SET_URI", webUrl + "/oauth2/jwks"));
        env.putAll(settings);
        // The links in mails and inboxes point at this web module's case pages.
        env.putIfAbsent("INCIDENTS_LINK_BASE_URL", webUrl);
        if (clientSecret != null) {
            env.put("INCIDENTS_OIDC_CLIENT_SECRET", clientSecret);
        }
        Path logs = Files.createDirectories(Path.of("target", "e2e-logs", logName));
        commandService = new ServiceProcess("command-service", "commandServiceJar", commandPort, env, logs);
        queryService = new ServiceProcess("query-service", "queryServiceJar", queryPort, env, logs);
        web = new ServiceProcess("web", "webJar", webPort, env, logs);
    }

    /**
     * The one system the tests share that need no settings of their own: started by the first test that asks, stopped
     * when the test JVM ends. Each start of three processes costs about a minute on two cores; a test that shares it
     * makes its own cases (new ids) and counts nothing it did not make. A test that counts everything (the board's
     * dashboard) or needs other timings starts its own.
     */
    static synchronized SignInSystem shared() throws Exception {
        if (shared == null) {
            SignInSystem system = new SignInSystem(SHARED_CLIENT_SECRET, "shared");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    system.close();
                } catch (Exception ignored) {
                    // the JVM is ending; the processes end with it
                }
            }, "stop-shared-system"));
            shared = system.start();
        }
        return shared;
    }

    SignInSystem start() throws Exception {
        commandService.start();
        queryService.start();
        web.start();
        return this;
    }

    String webUrl() {
        return web.baseUrl();
    }

    String commandServiceUrl() {
        return commandService.baseUrl();
    }

    String queryServiceUrl() {
        return queryService.baseUrl();
    }

    @Override
    public void close() throws Exception {
        // All three are asked at once (each stops by itself: the web module's streams end first, the services drain),
        // then waited for: a test JVM that ends waits for this, but not for ever.
        web.askToStop();
        queryService.askToStop();
        commandService.askToStop();
        web.stop();
        queryService.stop();
        commandService.stop();
    }
}
