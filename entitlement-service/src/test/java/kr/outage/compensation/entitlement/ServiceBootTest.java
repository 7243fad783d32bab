package kr.outage.compensation.entitlement;

import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.platform.testing.ServiceBootChecks;

/** The platform's boot checks against entitlement-service. */
@QuarkusTest
class ServiceBootTest extends ServiceBootChecks {

    @Override
    protected String serviceName() {
        return "entitlement-service";
    }

    @Override
    protected String ownTable() {
        return "entitlement_audit";
    }

    @Override
    protected String databaseCheck() {
        return "Database connections";
    }
}
