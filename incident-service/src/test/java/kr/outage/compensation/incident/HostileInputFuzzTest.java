package kr.outage.compensation.incident;

import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.incident.support.Database;
import kr.outage.compensation.incident.support.Incidents;
import kr.outage.compensation.platform.testing.HostileInputFuzz;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

/** Generated hostile input against every operation of incident-service, some aimed at a real incident. */
@QuarkusTest
class HostileInputFuzzTest extends HostileInputFuzz {

    String incidentId;

    HostileInputFuzzTest() {
        super(List.of("incident-commander", "auditor"), Database::fingerprint);
    }

    @BeforeEach
    void anIncidentExists() {
        Database.clean();
        incidentId = Incidents.post(Incidents.MOBILE_ONLY);
    }

    @Override
    protected List<String> knownIds() {
        return List.of(incidentId);
    }
}
