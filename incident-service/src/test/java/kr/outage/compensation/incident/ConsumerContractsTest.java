package kr.outage.compensation.incident;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kr.outage.compensation.incident.support.Database;
import kr.outage.compensation.incident.support.Incidents;
import kr.outage.compensation.platform.testing.ConsumerContract;
import kr.outage.compensation.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What entitlement-service and payout-service wrote down that they need from this service
 * (contracts/incident-service/*.json), replayed against this service with the demo incidents the
 * contracts name, each with the calling service's own kind of token.
 */
@QuarkusTest
class ConsumerContractsTest {

    Map<String, String> ids;

    @BeforeEach
    void theIncidentsTheContractsName() {
        Database.clean();
        ids = Map.of("fire", Incidents.post(Incidents.FIRE), "genie", Incidents.post(Incidents.MOBILE_ONLY),
                "unknown", UUID.randomUUID().toString());
    }

    @Test
    void everyConsumerGetsWhatItsContractSays() {
        List<ConsumerContract> contracts = ConsumerContract.of("incident-service");
        assertThat(contracts).extracting(ConsumerContract::consumer).contains("entitlement-service", "payout-service");
        List<String> broken = new ArrayList<>();
        int replayed = 0;
        for (ConsumerContract contract : contracts) {
            String token = Tokens.withRoles(contract.consumer(), "service");
            for (ConsumerContract.Interaction interaction : contract.interactions()) {
                Response answer = given().auth().oauth2(token).urlEncodingEnabled(false)
                        .when().request(interaction.method(), interaction.target(ids));
                for (String mismatch : interaction.mismatches(answer.statusCode(), answer.asString())) {
                    broken.add(contract.consumer() + ": " + interaction.description() + ": " + mismatch);
                }
                replayed++;
            }
        }
        assertThat(broken).as("interactions the consumers rely on").isEmpty();
        assertThat(replayed).isGreaterThanOrEqualTo(8);
    }
}
