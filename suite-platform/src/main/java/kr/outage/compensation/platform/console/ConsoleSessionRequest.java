package kr.outage.compensation.platform.console;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A console request that came with a session cookie: the id to look up, nothing else. */
public class ConsoleSessionRequest extends BaseAuthenticationRequest {

    private final String sessionId;

    public ConsoleSessionRequest(String sessionId) {
        this.sessionId = sessionId;
    }

    public String sessionId() {
        return sessionId;
    }
}
