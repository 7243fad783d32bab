package kr.outage.compensation.payout;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.HostileTransportChecks;
import kr.outage.compensation.platform.testing.Tokens;

/** The platform's transport checks against payout-service: defining a program, listing programs. */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class HostileTransportTest extends HostileTransportChecks {

    HostileTransportTest() {
        super("/api/v1/programs", Tokens::operator, Database::rowCounts);
    }

    @Override
    protected String readableResource() {
        return "/api/v1/programs";
    }
}
