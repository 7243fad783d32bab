package kr.outage.compensation.payout.persistence;

import kr.outage.compensation.platform.problem.GeneralProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency-Key records, scoped per caller: the one store of the service. Payout batches reserve a
 * key inside their transaction (Hibernate Reactive session) and store the response there; claim
 * intake writes the record inside its single statement ({@link ClaimWriter}) and reads it back here.
 * A concurrent request with the same key blocks on the record's primary key until the first commits,
 * then gets the stored response; if the first one rolls back, its record goes with it.
 */
@ApplicationScoped
public class IdempotencyRecords {

    /** A response as first sent. */
    public record StoredResponse(int status, String location, String body) {
    }

    @Inject
    Clock clock;

    /** A request's identity, as the SHA-256 hex of its parts: the same for equal requests, whatever their size. */
    public static String fingerprint(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String FIND = "select request_hash, status, location, response_body from idempotency_record "
            + "where scope = $1 and principal = $2 and idem_key = $3 and status > 0";

    /** The stored response for this key, refusing a different request under the same key. Needs a session. */
    public Uni<Optional<StoredResponse>> replay(String scope, String principal, String key, String requestHash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(FIND.replace("$", "?"), Object[].class)
                .setParameter(1, scope).setParameter(2, principal).setParameter(3, key)
                .getResultList())
                .map(rows -> rows.stream().findFirst().map(row -> stored(key, requestHash, (String) row[0],
                        ((Number) row[1]).intValue(), (String) row[2], (String) row[3])));
    }

    /** The same, on the reactive client directly (claim intake does not open a session). */
    public static Uni<Optional<StoredResponse>> replay(SqlClient client, String scope, String principal, String key,
                                                       String requestHash) {
        return client.preparedQuery(FIND).execute(Tuple.of(scope, principal, key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(stored(key, requestHash, row.getString("request_hash"), row.getInteger("status"),
                            row.getString("location"), row.getString("response_body")));
                });
    }

    private static StoredResponse stored(String key, String requestHash, String storedHash, int status, String location,
                                         String body) {
        if (!requestHash.equals(storedHash.strip())) {
            throw new ProblemException(GeneralProblem.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key
                    + "' was already used for a different request; use a new key for a new request");
        }
        return new StoredResponse(status, location, body);
    }

    /** Reserves the key in the current transaction; false when another request holds or held it. */
    public Uni<Boolean> reserve(String scope, String principal, String key, String requestHash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into idempotency_record (scope, principal, idem_key, request_hash, status, response_body, created_at) "
                                + "values (?1, ?2, ?3, ?4, 0, '', ?5) on conflict do nothing")
                .setParameter(1, scope).setParameter(2, principal).setParameter(3, key).setParameter(4, requestHash)
                .setParameter(5, clock.instant())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Stores the response of the request that holds the reservation, in its transaction. */
    public Uni<Void> complete(String scope, String principal, String key, StoredResponse response) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "update idempotency_record set status = ?4, location = ?5, response_body = ?6 "
                                + "where scope = ?1 and principal = ?2 and idem_key = ?3")
                .setParameter(1, scope).setParameter(2, principal).setParameter(3, key)
                .setParameter(4, response.status()).setParameter(5, response.location()).setParameter(6, response.body())
                .executeUpdate())
                .replaceWithVoid();
    }
}
