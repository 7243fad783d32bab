package kr.outage.compensation.payout;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.client.ImpactCheck;
import kr.outage.compensation.payout.client.IncidentSummary;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.ConsumerContract;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This service's tests stand in for incident-service with a stub; the stub must say only what
 * incident-service says. Every interaction of contracts/incident-service/payout-service.json (which
 * incident-service's build replays against the real service) is asked of the stub here, and what
 * the stub answers must satisfy the contract and be readable by this service's client.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class IncidentServiceContractTest {

    @Inject
    ObjectMapper json;

    @Test
    void theStubKeepsToTheContractIncidentServiceIsHeldTo() throws Exception {
        IncidentServiceStub.stubTheFire();
        ConsumerContract contract = ConsumerContract.between("payout-service", "incident-service");
        Map<String, String> ids = Map.of("fire", IncidentServiceStub.FIRE, "genie", IncidentServiceStub.GENIE, "unknown", UUID.randomUUID().toString());
        List<String> broken = contract.askStub(IncidentServiceStub.server.baseUrl(), ids,
                i -> i.path().endsWith("/impact/check") ? ImpactCheck.class : IncidentSummary.class, json);
        assertThat(broken).as("what the stub answers and incident-service does not").isEmpty();
    }
}
