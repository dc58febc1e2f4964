package nl.incidents.query.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import nl.incidents.kernel.incident.IncidentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code incidents.open.cases}: the open cases by status, from the case list's projection, so every
 * instance of the query service reports the same figure. Read at most once a few seconds, however
 * often it is scraped.
 */
@Component
class OpenCasesMetrics {

    private static final Duration FRESH = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private volatile Map<IncidentStatus, Long> counts = Map.of();
    private volatile Instant countedAt = Instant.EPOCH;

    OpenCasesMetrics(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        for (IncidentStatus status : IncidentStatus.values()) {
            if (status != IncidentStatus.CLOSED) {
                Gauge.builder("incidents.open.cases", () -> counts().getOrDefault(status, 0L))
                        .description("Open cases, by status").tag("status", status.name()).register(registry);
            }
        }
    }

    private synchronized Map<IncidentStatus, Long> counts() {
        if (Instant.now().isAfter(countedAt.plus(FRESH))) {
            Map<IncidentStatus, Long> fresh = new EnumMap<>(IncidentStatus.class);
            jdbc.sql("SELECT status, COUNT(*) AS cases FROM incident_summary WHERE status <> 'CLOSED' GROUP BY status")
                    .query((rs, row) -> fresh.put(IncidentStatus.valueOf(rs.getString("status")), rs.getLong("cases")))
                    .list();
            counts = fresh;
            countedAt = Instant.now();
        }
        return counts;
    }
}
