package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.HostileInputFuzz;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

/**
 * Generated hostile input against every operation of entitlement-service. The campaign it may aim
 * at stays a draft, so no accepted request starts a run that would change rows in the background.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class HostileInputFuzzTest extends HostileInputFuzz {

    String draft;

    HostileInputFuzzTest() {
        super(List.of("compensation-operator", "auditor"), Database::fingerprint);
    }

    @BeforeEach
    void aDraftExists() {
        Database.clean();
        draft = Campaigns.defineDraft(Campaigns.music("FUZZ-DRAFT")).toString();
    }

    @Override
    protected List<String> knownIds() {
        return List.of(draft, "user-00000001");
    }
}
