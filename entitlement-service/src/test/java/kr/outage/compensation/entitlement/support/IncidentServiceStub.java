package kr.outage.compensation.entitlement.support;

import kr.outage.compensation.platform.testing.ServiceStub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * incident-service's documented impact-check contract, answering for the 2022 fire: Melon impaired
 * from 15:19 KST on Oct 15 until 12:00 KST on Oct 17 (an illustrative recovery time), KakaoTalk for
 * the whole 127 h 30 min; the mail service never mentioned. The same stand-in answers for payout-service
 * too (one stub server per module): it knows no claimant notice (404) unless a test stubs one.
 */
public class IncidentServiceStub extends ServiceStub {

    public static final String FIRE = "6f1c1d3e-2022-4f15-9519-000000001015";
    public static final String MELON_FROM = "2022-10-15T06:19:00Z";
    public static final String MELON_UNTIL = "2022-10-17T03:00:00Z";

    @Override
    protected String urlProperty() {
        return "quarkus.rest-client.incident-service.url";
    }

    @Override
    public java.util.Map<String, String> start() {
        java.util.Map<String, String> config = new java.util.HashMap<>(super.start());
        config.put("quarkus.rest-client.payout-service.url", server.baseUrl());
        return config;
    }

    /** payout-service knows a claimant notice with this code, as its documented lookup answers it. */
    public static void stubClaimantNotice(String printedCode, String programName, String text) {
        server.stubFor(get(urlPathEqualTo("/api/v1/notices/" + printedCode)).atPriority(1)
                .willReturn(json("{\"code\":\"" + printedCode + "\",\"event\":\"approved\",\"state\":\"sent\","
                        + "\"text\":" + new com.fasterxml.jackson.databind.node.TextNode(text) + ",\"channel\":\"MESSAGE\","
                        + "\"recipientMasked\":\"010-****-5678\",\"createdAt\":\"2022-11-02T01:00:00Z\","
                        + "\"sentAt\":\"2022-11-02T01:00:05Z\",\"programId\":\"" + java.util.UUID.randomUUID()
                        + "\",\"programName\":" + new com.fasterxml.jackson.databind.node.TextNode(programName) + "}")));
    }

    @Override
    protected void stubDefaults() {
        stubTheFire();
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
}
