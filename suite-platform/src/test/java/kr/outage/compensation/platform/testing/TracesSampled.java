package kr.outage.compensation.platform.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Every trace sampled, as a deployment with a collector and ratio 1 would: the services' TracingTests. */
public class TracesSampled implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.traces.sampler.arg", "1");
    }
}
