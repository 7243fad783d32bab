package kr.outage.compensation.entitlement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.entitlement.support.Database;
import kr.outage.compensation.entitlement.support.IncidentServiceStub;
import kr.outage.compensation.platform.testing.HostileTransportChecks;
import kr.outage.compensation.platform.testing.Tokens;

/** The platform's transport checks against entitlement-service: adding a subscription, reading a user's entitlements. */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
class HostileTransportTest extends HostileTransportChecks {

    HostileTransportTest() {
        super("/api/v1/subscriptions", Tokens::operator, Database::rowCounts);
    }

    @Override
    protected String readableResource() {
        return "/api/v1/users/user-00000001/entitlements";
    }

    /**
     * The service takes bodies up to 2 GiB for its streamed CSV imports; a JSON body (the App Store's
     * notification, a campaign) or a form (the verify page's) is read whole, so it is refused over 1 MiB
     * before it is read, and without a Content-Length.
     */
    @org.junit.jupiter.api.Test
    void jsonAndFormBodiesHaveALimitOfTheirOwn() throws Exception {
        String[][] cases = {{"/api/v1/stores/apple/notifications", "application/json"}, {"/api/v1/campaigns", "application/json"},
                {"/compensations/verify", "application/x-www-form-urlencoded"}};
        for (String[] c : cases) {
            String path = c[0];
            String over = rawAnswer("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + kr.outage.compensation.platform.testing.Tokens.operator() + "\r\nContent-Type: " + c[1] + "\r\n"
                    + "Content-Length: " + (1024 * 1024 + 1) + "\r\n\r\n");
            org.assertj.core.api.Assertions.assertThat(over).as(path).startsWith("HTTP/1.1 413").contains("payload-too-large")
                    .contains("JSON and form bodies of at most 1048576");
            String chunked = rawAnswer("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + kr.outage.compensation.platform.testing.Tokens.operator() + "\r\nContent-Type: " + c[1] + "\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
            org.assertj.core.api.Assertions.assertThat(chunked).as(path).startsWith("HTTP/1.1 411").contains("length-required");
        }
    }

    /** Sends the request head (and what follows it) and reads the whole answer; the service closes the connection. */
    private static String rawAnswer(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                    read.write(buffer, 0, n);
                    if (read.toString(java.nio.charset.StandardCharsets.UTF_8).contains("\"status\"")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException enough) {
                // the answer came and the connection stays open for the body we never send
            }
            return read.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
