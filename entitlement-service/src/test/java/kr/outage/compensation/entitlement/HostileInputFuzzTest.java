package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.entitlement.support.Campaigns;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.HostileInputFuzz;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Generated hostile input against every operation of entitlement-service. An accepted request may
 * publish the draft and start a run; its chunks are applied in the background, so each request waits
 * until no run is working before the rows are compared.
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
    protected void settle() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                Database.count("select count(*) from campaign_run where state in ('PREPARING', 'RUNNING')") == 0);
    }

    /**
     * Each request waits for runs to settle and fingerprints every table (about a tenth of a second
     * here, against a few milliseconds in the other services), so 1,500 requests took over three
     * minutes of CI; 600 per run, with a new seed every run.
     */
    @Override
    protected int defaultRequests() {
        return 600;
    }

    @Override
    protected List<String> knownIds() {
        return List.of(draft, "user-00000001");
    }
}
