package kr.outage.compensation.payout;

import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.platform.testing.ServiceBootChecks;

/** The platform's boot checks against payout-service. */
@QuarkusTest
class ServiceBootTest extends ServiceBootChecks {

    @Override
    protected String serviceName() {
        return "payout-service";
    }

    @Override
    protected String ownTable() {
        return "payout_audit";
    }

    @Override
    protected String databaseCheck() {
        return "Reactive PostgreSQL";
    }
}
