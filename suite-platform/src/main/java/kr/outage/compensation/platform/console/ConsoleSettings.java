package kr.outage.compensation.platform.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How a service's console signs people in: where its sign-in lives (each console its own, so that
 * the ingress can send each to the service that keeps its sessions), the session cookie, and how
 * long a session lasts.
 */
@ConfigMapping(prefix = "suite.console")
public interface ConsoleSettings {

    /** The console's root: sign-in at {@code <path>/login}, sign-out at {@code <path>/logout}. */
    @WithDefault("/console")
    String path();

    /** Production marks the cookie Secure whatever the scheme the pod saw (TLS ends at the ingress). */
    @WithDefault("false")
    boolean secureCookie();

    Session session();

    interface Session {
        /** The cookie's name; each service its own, so that signing in to one console keeps the other's. */
        String cookie();

        /** A session nobody used for this long is over. */
        @WithDefault("PT30M")
        Duration idleTimeout();

        /** A session is over this long after sign-in however busy (and never outlives the token it began with). */
        @WithDefault("PT8H")
        Duration absoluteTimeout();
    }
}
