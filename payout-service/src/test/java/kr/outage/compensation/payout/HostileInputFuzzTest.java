package kr.outage.compensation.payout;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.payout.support.Claims;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.HostileInputFuzz;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

/** Generated hostile input against every operation of payout-service, some aimed at a real program and claim. */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class HostileInputFuzzTest extends HostileInputFuzz {

    String program;
    String claim;

    HostileInputFuzzTest() {
        super(List.of("compensation-operator", "claims-reviewer", "payout-approver", "auditor"), Database::fingerprint);
    }

    @BeforeEach
    void aProgramWithAClaim() {
        program = Programs.freshFire2022();
        claim = Claims.file(program, Claims.taxi(1, 300_000), "owner-1");
    }

    @Override
    protected List<String> knownIds() {
        return List.of(program, claim);
    }
}
