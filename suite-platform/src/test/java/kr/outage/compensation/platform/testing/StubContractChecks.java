package kr.outage.compensation.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer's stub of another service must say only what that service says: every interaction of
 * the consumer's contract (which the provider's build replays against the real provider) is asked
 * of the stub, and the answer must satisfy the contract and be readable by the consumer's client.
 * Each consumer runs this by extending it with {@code @QuarkusTest} and its stub as a test resource.
 */
public abstract class StubContractChecks {

    @Inject
    ObjectMapper json;

    private final String consumer;
    private final String provider;
    private final Map<String, String> ids;
    private final Function<ConsumerContract.Interaction, Class<?>> readAs;

    /**
     * @param ids    the stub's ids for the placeholders of the contract ({fire}, {unknown}, ...)
     * @param readAs the consumer's client type each answer is read as
     */
    protected StubContractChecks(String consumer, String provider, Map<String, String> ids,
                                 Function<ConsumerContract.Interaction, Class<?>> readAs) {
        this.consumer = consumer;
        this.provider = provider;
        this.ids = ids;
        this.readAs = readAs;
    }

    /** Puts the stub back to the answers the tests start from. */
    protected abstract void resetStub();

    @Test
    void theStubKeepsToTheContractTheProviderIsHeldTo() throws Exception {
        resetStub();
        List<String> broken = ConsumerContract.between(consumer, provider)
                .askStub(ServiceStub.server.baseUrl(), ids, readAs, json);
        assertThat(broken).as("what the stub answers and " + provider + " does not").isEmpty();
    }
}
