package kr.outage.compensation.payout.support;

import kr.outage.compensation.platform.testing.ServiceStub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * incident-service's documented contract, answering as the real service does for the 2022 fire:
 * Kakao T impaired 28 h 41 min, KakaoTalk 127 h 30 min, Melon never mentioned for this stub.
 */
public class IncidentServiceStub extends ServiceStub {

    public static final String FIRE = "6f1c1d3e-2022-4f15-9519-000000001015";
    public static final long KAKAOT_SECONDS = 28 * 3600 + 41 * 60;
    public static final long KAKAOTALK_SECONDS = 127 * 3600 + 30 * 60;

    /** The 2019 mobile-only outage: Genie's mobile app down 12:37-13:27 KST; web and PC kept working. */
    public static final String GENIE = "6f1c1d3e-2019-4f15-9519-000000000212";
    public static final long GENIE_MOBILE_SECONDS = 50 * 60;
    /** The fire, per platform for KakaoTalk: mobile for the first 100 h, web from hour 50 to the end (127 h 30 min). */
    public static final long KAKAOTALK_MOBILE_SECONDS = 100 * 3600;
    public static final long KAKAOTALK_WEB_SECONDS = 77 * 3600 + 30 * 60;

    /** The bank gateway is started beside this stub, so that every test class that files claims has both. */
    @Override
    public java.util.Map<String, String> start() {
        java.util.Map<String, String> config = new java.util.HashMap<>(super.start());
        config.putAll(BankGatewayStub.start());
        return config;
    }

    @Override
    public void stop() {
        super.stop();
        BankGatewayStub.stop();
    }

    @Override
    protected String urlProperty() {
        return "quarkus.rest-client.incident-service.url";
    }

    @Override
    protected void stubDefaults() {
        stubTheFire();
    }

    public static void stubTheFire() {
        server.resetAll();
        server.stubFor(get(urlPathMatching("/api/v1/incidents/[^/]+")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://compensation-suite.example/problems/not-found\",\"status\":404}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/incidents/" + FIRE)).atPriority(1)
                .willReturn(json("{\"id\":\"" + FIRE + "\",\"title\":\"Pangyo data-center fire\",\"status\":\"resolved\","
                        + "\"startedAt\":\"2022-10-15T06:19:00Z\",\"resolvedAt\":\"2022-10-20T13:49:00Z\"}")));
        stubCheck("kakaot", true, KAKAOT_SECONDS);
        stubCheck("kakaotalk", true, KAKAOTALK_SECONDS);
        stubCheck("melon", false, 0);
        stubPlatform(FIRE, "kakaotalk", "mobile", "2022-10-15T06:19:00Z", "2022-10-19T10:19:00Z");
        stubPlatform(FIRE, "kakaotalk", "web", "2022-10-17T08:19:00Z", "2022-10-20T13:49:00Z");
        stubPlatform(FIRE, "kakaotalk", "pc", null, null);
        server.stubFor(get(urlPathEqualTo("/api/v1/incidents/" + GENIE)).atPriority(1)
                .willReturn(json("{\"id\":\"" + GENIE + "\",\"title\":\"Genie mobile app down\",\"status\":\"resolved\","
                        + "\"startedAt\":\"2019-02-12T03:37:00Z\",\"resolvedAt\":\"2019-02-12T04:27:00Z\"}")));
        stubPlatform(GENIE, "genie", "all", "2019-02-12T03:37:00Z", "2019-02-12T04:27:00Z");
        stubPlatform(GENIE, "genie", "mobile", "2019-02-12T03:37:00Z", "2019-02-12T04:27:00Z");
        stubPlatform(GENIE, "genie", "web", null, null);
        stubPlatform(GENIE, "genie", "pc", null, null);
    }

    /** The check of one service on one platform: one impaired window [from, to), or none when from is null. */
    private static void stubPlatform(String incident, String service, String platform, String from, String to) {
        long seconds = from == null ? 0 : java.time.Duration.between(java.time.Instant.parse(from), java.time.Instant.parse(to)).toSeconds();
        String windows = from == null ? "[]" : oneWindow(from, to, seconds);
        server.stubFor(get(urlPathEqualTo("/api/v1/incidents/" + incident + "/impact/check"))
                .withQueryParam("service", equalTo(service)).withQueryParam("platform", equalTo(platform)).atPriority(0)
                .willReturn(json("{\"service\":\"" + service + "\",\"affected\":true,\"everImpaired\":" + (from != null)
                        + ",\"totalImpairedSeconds\":" + seconds + ",\"totalImpairedDuration\":\"PT" + seconds + "S\","
                        + "\"windows\":" + windows + ",\"revision\":7}")));
    }

    /** The check of one service across platforms: one impaired window from the start of the fire, as long as given. */
    private static void stubCheck(String service, boolean impaired, long seconds) {
        java.time.Instant from = java.time.Instant.parse("2022-10-15T06:19:00Z");
        String windows = impaired ? oneWindow(from.toString(), from.plusSeconds(seconds).toString(), seconds) : "[]";
        server.stubFor(get(urlPathEqualTo("/api/v1/incidents/" + FIRE + "/impact/check"))
                .withQueryParam("service", equalTo(service)).atPriority(1)
                .willReturn(json("{\"service\":\"" + service + "\",\"affected\":" + impaired + ",\"everImpaired\":" + impaired
                        + ",\"totalImpairedSeconds\":" + seconds + ",\"totalImpairedDuration\":\"PT" + seconds + "S\","
                        + "\"windows\":" + windows + ",\"revision\":13}")));
    }

    /** The windows array of an impact check with one closed major outage [from, to). */
    private static String oneWindow(String from, String to, long seconds) {
        return "[{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"open\":false,"
                + "\"state\":\"major_outage\",\"durationSeconds\":" + seconds + "}]";
    }
}
