package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.entitlement.client.ImpactCheck;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.StubContractChecks;

import java.util.Map;
import java.util.UUID;

/** This service's stand-in for incident-service, held to contracts/incident-service/entitlement-service.json. */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class IncidentServiceContractTest extends StubContractChecks {

    IncidentServiceContractTest() {
        super("entitlement-service", "incident-service",
                Map.of("fire", IncidentServiceStub.FIRE, "unknown", UUID.randomUUID().toString()),
                interaction -> ImpactCheck.class);
    }

    @Override
    protected void resetStub() {
        IncidentServiceStub.stubTheFire();
    }
}
