package nl.incidents.query.caselist;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.directory.School;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Region;
import nl.incidents.query.QueryDatabase;
import nl.incidents.query.access.CaseAccess;
import nl.incidents.support.testing.TestStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first page of the case list walks an index in the list's order and stops after a page: the
 * database's own plan for 20,000 cases shows no full scan and no sort, so the page costs the same
 * with 100 cases as with 100,000 (the plan is asserted, never a time). A staff member's few reports are read by
 * the reporter's index, not found by walking every case.
 */
@Tag(TestStore.TAG)
class CaseListPlanTest {

    private static final int CASES = 20_000;
    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);
    private static final Actor STAFF = new Actor(new PersonId("teacher-7"), ActorRole.STAFF);
    /** The staff member reported every 1,000th case: a few among many, which walking every case would not find soon. */
    private static final int STAFF_REPORTS = CASES / 1000;

    private static DataSource dataSource;
    private static CaseRepository cases;
    private static CaseAccess access;

    @BeforeAll
    static void twentyThousandCases() throws Exception {
        dataSource = QueryDatabase.fresh("case-list-plan").migrate(null).dataSource();
        cases = new CaseRepository(JdbcClient.create(dataSource));
        access = new CaseAccess(new OrganisationDirectory("Board", List.of(new School("school-1", "School", Region.NORTH)),
                List.of(new Member(new PersonId("manager"), "M", "m@example.nl", ActorRole.MANAGER, Set.of("school-1")),
                        new Member(BOARD.id(), "B", "b@example.nl", ActorRole.BOARD, Set.of()),
                        new Member(STAFF.id(), "T", "t@example.nl", ActorRole.STAFF, Set.of("school-1")))));
        Random random = new Random(7);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO incident_summary (incident_id, school_id, status, severity, stage, platform, reported_by,
                        reported_at, first_deadline_at)
                    VALUES (?, ?, 'ESCALATED', 'HIGH', 'DERAILED', 'FACEBOOK', ?, ?, ?)""")) {
                for (int i = 0; i < CASES; i++) {
                    Instant reported = start.plus(random.nextInt(365 * 24 * 60), ChronoUnit.MINUTES);
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "school-" + (1 + random.nextInt(20)));
                    insert.setString(3, i % 1000 == 0 ? STAFF.id().value() : "teacher");
                    insert.setObject(4, reported.atOffset(ZoneOffset.UTC));
                    insert.setObject(5, random.nextInt(3) == 0 ? null : reported.plus(2, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            if (TestStore.onPostgres()) {
                try (Statement analyze = connection.createStatement()) {
                    analyze.execute("ANALYZE incident_summary");
                }
                connection.commit();
            }
        }
    }

    @Test
    void theNewestFirstPageWalksTheReportedIndex() throws Exception {
        assertWalks(plan(CaseRepository.Segment.NEWEST_FIRST, BOARD, FindIncidents.Filter.NONE), "incident_summary_reported");
    }

    @Test
    void theDueFirstPageWalksTheDueIndex() throws Exception {
        assertWalks(plan(CaseRepository.Segment.WITH_DEADLINE, BOARD, FindIncidents.Filter.NONE), "incident_summary_due");
    }

    @Test
    void aSchoolsFirstPageWalksTheSchoolIndex() throws Exception {
        FindIncidents.Filter school = new FindIncidents.Filter(Set.of(), Set.of("school-3"), Set.of(), null);
        String plan = plan(CaseRepository.Segment.NEWEST_FIRST, BOARD, school);
        if (TestStore.onPostgres()) {
            assertWalks(plan, "incident_summary_school_reported");
        } else {
            // H2 finds the school's cases by the index but sorts them itself: a page costs what one school has.
            assertThat(plan.toLowerCase()).as(plan).contains("public.incident_summary_school_reported: school_id = ");
        }
    }

    @Test
    void aStaffMembersFirstPageWalksTheReporterIndex() throws Exception {
        String plan = plan(CaseRepository.Segment.NEWEST_FIRST, STAFF, FindIncidents.Filter.NONE);
        if (TestStore.onPostgres()) {
            assertThat(plan).as(plan).containsPattern("Index Scan( Backward)? using incident_summary_reporter on incident_summary")
                    .doesNotContain("Seq Scan on incident_summary");
        } else {
            assertThat(plan.toLowerCase()).as(plan).contains("public.incident_summary_reporter: reported_by = ");
        }
        assertThat(plan).as(plan).doesNotContain("incident_summary_reported ");
    }

    @Test
    void aStaffMembersFirstPageHoldsTheirReportsNewestFirst() {
        CaseRepository.Request request = new CaseRepository.Request(access.listFilter(STAFF), access.fullView(STAFF),
                FindIncidents.Filter.NONE, Instant.now(), access.listSeeds(STAFF));
        List<CaseRepository.Row> rows = cases.page(request, FindIncidents.Sort.REPORTED, null, 51);
        assertThat(rows).hasSize(STAFF_REPORTS);
        assertThat(rows).extracting(row -> row.summary().reportedAt()).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void theFirstPageIsAsLongAsAPage() {
        CaseRepository.Request request = new CaseRepository.Request(access.listFilter(BOARD), access.fullView(BOARD),
                FindIncidents.Filter.NONE, Instant.now());
        List<CaseRepository.Row> rows = cases.page(request, FindIncidents.Sort.DUE, null, 51);
        assertThat(rows).hasSize(51);
        assertThat(rows).extracting(CaseRepository.Row::deadline).isSortedAccordingTo(Instant::compareTo);
    }

    private static void assertWalks(String plan, String index) {
        if (TestStore.onPostgres()) {
            assertThat(plan).as(plan).containsPattern("Index Scan( Backward)? using " + index + " on incident_summary")
                    .doesNotContain("Seq Scan on incident_summary").doesNotContainPattern("(?m)^\\s*(->\\s*)?Sort ");
        } else {
            assertThat(plan.toLowerCase()).as(plan).contains("public." + index).contains("index sorted");
        }
    }

    private static String plan(CaseRepository.Segment segment, Actor viewer, FindIncidents.Filter filter) throws Exception {
        CaseRepository.Request request = new CaseRepository.Request(access.listFilter(viewer), access.fullView(viewer), filter,
                Instant.now(), access.listSeeds(viewer));
        CaseRepository.Statement statement = cases.statement(request, segment, null, 51);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement.sql())) {
            int i = 1;
            for (Object parameter : statement.parameters()) {
                explain.setObject(i++, parameter);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
