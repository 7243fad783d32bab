package kr.outage.compensation.platform.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Another service of the suite, stood in for by WireMock while a service's tests run; the service's
 * REST client is pointed at it. What a stub answers is held to the consumer contract (see
 * {@link ConsumerContract#askStub}). One stub per service module: {@link #server} is shared.
 */
public abstract class ServiceStub implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;

    /** The configuration property holding the stubbed service's URL, e.g. quarkus.rest-client.incident-service.url. */
    protected abstract String urlProperty();

    /** The answers the tests start from. */
    protected abstract void stubDefaults();

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        stubDefaults();
        return Map.of(urlProperty(), server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The stubbed service answering every call with a server error, as while its database is down. */
    public static void failing() {
        server.resetAll();
        server.stubFor(any(anyUrl())
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json").withBody("{}")));
    }

    protected static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
