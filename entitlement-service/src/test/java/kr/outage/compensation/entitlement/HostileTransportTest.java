package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.HostileTransportChecks;
import kr.outage.compensation.platform.testing.Tokens;

/** The platform's transport checks against entitlement-service: adding a subscription, reading a user's entitlements. */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class HostileTransportTest extends HostileTransportChecks {

    HostileTransportTest() {
        super("/api/v1/subscriptions", Tokens::operator, Database::rowCounts);
    }

    @Override
    protected String readableResource() {
        return "/api/v1/users/user-00000001/entitlements";
    }
}
