package kr.outage.compensation.payout;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.payout.client.ImpactCheck;
import kr.outage.compensation.payout.client.IncidentSummary;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.StubContractChecks;

import java.util.Map;
import java.util.UUID;

/** This service's stand-in for incident-service, held to contracts/incident-service/payout-service.json. */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class IncidentServiceContractTest extends StubContractChecks {

    IncidentServiceContractTest() {
        super("payout-service", "incident-service",
                Map.of("fire", IncidentServiceStub.FIRE, "genie", IncidentServiceStub.GENIE, "unknown", UUID.randomUUID().toString()),
                interaction -> interaction.path().endsWith("/impact/check") ? ImpactCheck.class : IncidentSummary.class);
    }

    @Override
    protected void resetStub() {
        IncidentServiceStub.stubTheFire();
    }
}
