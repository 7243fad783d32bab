package kr.outage.compensation.entitlement.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * incident-service's documented impact-check contract, answering for the 2022 fire: Melon impaired
 * from 15:19 KST on Oct 15 until 12:00 KST on Oct 17 (an illustrative recovery time), KakaoTalk for
 * the whole 127 h 30 min; the mail service never mentioned.
 */
public class IncidentServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String FIRE = "6f1c1d3e-2022-4f15-9519-000000001015";
    public static final String MELON_FROM = "2022-10-15T06:19:00Z";
    public static final String MELON_UNTIL = "2022-10-17T03:00:00Z";

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        stubTheFire();
        return Map.of("quarkus.rest-client.incident-service.url", server.baseUrl());
    }

    public static void stubTheFire() {
        server.resetAll();
        server.stubFor(get(urlPathMatching("/api/v1/incidents/[^/]+/impact/check")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://compensation-suite.example/problems/not-found\",\"status\":404}")));
        stubCheck("melon", true, MELON_FROM, MELON_UNTIL);
        stubCheck("kakaotalk", true, "2022-10-15T06:19:00Z", "2022-10-20T13:49:00Z");
        server.stubFor(get(urlPathEqualTo("/api/v1/incidents/" + FIRE + "/impact/check"))
                .withQueryParam("service", equalTo("daum-mail")).atPriority(1)
                .willReturn(json("{\"service\":\"daum-mail\",\"affected\":false,\"everImpaired\":false,"
                        + "\"totalImpairedSeconds\":0,\"windows\":[]}")));
    }

    private static void stubCheck(String service, boolean impaired, String from, String until) {
        server.stubFor(get(urlPathEqualTo("/api/v1/incidents/" + FIRE + "/impact/check"))
                .withQueryParam("service", equalTo(service)).atPriority(1)
                .willReturn(json("{\"service\":\"" + service + "\",\"affected\":" + impaired + ",\"everImpaired\":" + impaired
                        + ",\"totalImpairedSeconds\":1,\"windows\":[{\"from\":\"" + from + "\",\"to\":\"" + until
                        + "\",\"open\":false,\"state\":\"major_outage\"}],\"revision\":13}")));
    }

    /** incident-service answering every call with a server error, as while its database is down. */
    public static void failing() {
        server.resetAll();
        server.stubFor(get(urlPathMatching("/api/v1/incidents/.*"))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json").withBody("{}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
