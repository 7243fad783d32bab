package kr.outage.compensation.platform.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Console sessions kept on the server, in the service's own database (table {@code console_session},
 * created by each console service's migrations). The browser holds only a random session id; the
 * table holds its SHA-256, so a copy of the table opens nothing. A session ends at sign-out (revoked
 * here, whatever the browser keeps), after {@link ConsoleSettings.Session#idleTimeout()} unused, and
 * at {@link ConsoleSettings.Session#absoluteTimeout()} or the expiry of the token it began with,
 * whichever comes first. All times are the database's, so every replica agrees.
 *
 * <p>Blocking JDBC: console traffic is a few people clicking, and both console services have a JDBC
 * pool. A service without one (incident-service) has no console and no sessions.
 */
@ApplicationScoped
public class ConsoleSessions {

    /** 256 random bits, base64url: what a session cookie may hold; anything else is not looked up. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Instance<DataSource> dataSource;
    @Inject
    ConsoleSettings settings;

    /** Who a live session signed in, as the token said at sign-in. */
    public record SignedIn(String subject, Set<String> roles) {
    }

    /** A session opened: the id for the cookie, and how long the cookie should live. */
    public record Opened(String id, Duration lifetime) {
    }

    public boolean available() {
        return dataSource.isResolvable();
    }

    public String cookieName() {
        return settings.session().cookie();
    }

    /** Opens a session for a person whose token verified; it ends at the latest when the token does. */
    public Opened open(String subject, Set<String> roles, Instant tokenExpiry) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try (Connection connection = dataSource.get().getConnection()) {
            try (PreparedStatement purge = connection.prepareStatement(
                    "delete from console_session where expires_at < now() - interval '1 day'")) {
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into console_session (id_hash, subject, roles, created_at, last_seen_at, expires_at)
                    values (?, ?, ?, now(), now(), least(now() + make_interval(secs => ?), ?))
                    returning extract(epoch from expires_at - now())::bigint""")) {
                insert.setBytes(1, hash(id));
                insert.setString(2, subject);
                Array array = connection.createArrayOf("text", roles.toArray());
                insert.setArray(3, array);
                insert.setLong(4, settings.session().absoluteTimeout().toSeconds());
                insert.setTimestamp(5, Timestamp.from(tokenExpiry));
                try (ResultSet lifetime = insert.executeQuery()) {
                    lifetime.next();
                    return new Opened(id, Duration.ofSeconds(Math.max(0, lifetime.getLong(1))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("console session not stored", e);
        }
    }

    /**
     * The person a session id belongs to, if the session is live; using it counts as activity. One
     * statement, so two replicas cannot both find a session the idle timeout just ended.
     */
    public Optional<SignedIn> resume(String id) {
        if (id == null || !SESSION_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement touch = connection.prepareStatement("""
                     update console_session set last_seen_at = now()
                      where id_hash = ? and revoked_at is null and expires_at > now()
                        and last_seen_at > now() - make_interval(secs => ?)
                     returning subject, roles""")) {
            touch.setBytes(1, hash(id));
            touch.setLong(2, settings.session().idleTimeout().toSeconds());
            try (ResultSet row = touch.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String[] roles = (String[]) row.getArray(2).getArray();
                return Optional.of(new SignedIn(row.getString(1), Set.copyOf(Arrays.asList(roles))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("console session not read", e);
        }
    }

    /** Ends a session for good (sign-out): the id opens nothing afterwards, on any replica. */
    public void revoke(String id) {
        if (id == null || !SESSION_ID.matcher(id).matches()) {
            return;
        }
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement revoke = connection.prepareStatement(
                     "update console_session set revoked_at = now() where id_hash = ? and revoked_at is null")) {
            revoke.setBytes(1, hash(id));
            revoke.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("console session not revoked", e);
        }
    }

    private static byte[] hash(String id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
