package kr.outage.compensation.incident;

import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.incident.support.Database;
import kr.outage.compensation.incident.support.Incidents;
import kr.outage.compensation.platform.testing.HostileTransportChecks;
import kr.outage.compensation.platform.testing.Tokens;

/** The platform's transport checks against incident-service: declaring incidents, reading one. */
@QuarkusTest
class HostileTransportTest extends HostileTransportChecks {

    String incidentId;

    HostileTransportTest() {
        super("/api/v1/incidents", Tokens::commander, Database::rowCounts);
    }

    @Override
    protected void prepare() {
        if (incidentId == null) {
            Database.clean();
            incidentId = Incidents.post(Incidents.MOBILE_ONLY);
        }
    }

    @Override
    protected String readableResource() {
        return "/api/v1/incidents/" + incidentId;
    }
}
