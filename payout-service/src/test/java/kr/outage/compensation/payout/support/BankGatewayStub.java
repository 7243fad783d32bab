package kr.outage.compensation.payout.support;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The bank gateway's account-holder inquiry, as its contract says it answers: 200 with the holder's
 * name for an account the bank knows, 404 for any other. The bank knows only the accounts a test
 * opens with {@link #opens}; it is started beside the incident-service stub (see IncidentServiceStub).
 */
public final class BankGatewayStub {

    static final String PATH = "/v1/account-holder-inquiries";
    public static WireMockServer server;

    private BankGatewayStub() {
    }

    static Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        knowsNothing();
        return Map.of("quarkus.rest-client.bank-gateway.url", server.baseUrl());
    }

    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A bank with no accounts: every inquiry answers 404. */
    public static void knowsNothing() {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404,\"title\":\"No such account\"}")));
    }

    /** The bank holds this account (matched on its number's digits) in the holder's name. */
    public static void opens(String accountNumber, String holder) {
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.accountNumber", equalTo(accountNumber)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"holderName\":\"" + holder.replace("\"", "\\\"") + "\"}")));
    }

    /** The gateway down: every inquiry answers 503. */
    public static void failing() {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
    }

    /** The inquiries the bank answered, for tests that check none was made. */
    public static int inquiries() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(PATH))).size();
    }
}
