package kr.outage.compensation.entitlement.service;

import kr.outage.compensation.platform.problem.GeneralProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.platform.json.JsonDocuments;
import kr.outage.compensation.entitlement.persistence.SqlText;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.entitlement.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Spending cash and using coupons. A debit moves money, so it takes an {@code Idempotency-Key}: a
 * replay returns the first answer, a replay with a different body is refused, and two concurrent
 * requests with one key debit once (the key's primary key decides).
 */
@ApplicationScoped
public class Wallets {

    @Inject
    Jdbc jdbc;
    @Inject
    AuditTrail audit;
    @Inject
    JsonDocuments json;
    @Inject
    Clock clock;

    public record Replayable(int status, WalletEntry entry) {
    }

    public Replayable debit(String userId, String key, long amountKrw, String reason, String principal) {
        String scope = "wallet-debit:" + userId;
        String hash = sha256(amountKrw + "\n" + reason);
        try {
            return jdbc.inTransaction(c -> {
                Optional<Replayable> replay = replay(c, scope, key, hash);
                if (replay.isPresent()) {
                    return replay.get();
                }
                long balance;
                try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add(
                        "select balance_krw from wallet where user_id = ? for update", userId));
                     ResultSet rs = ps.executeQuery()) {
                    balance = rs.next() ? rs.getLong(1) : 0;
                }
                if (balance < amountKrw) {
                    throw new ProblemException(ProblemType.INSUFFICIENT_BALANCE, "Balance is " + balance + " KRW, debit is "
                            + amountKrw + " KRW", null, Map.of("balanceKrw", balance));
                }
                Instant now = clock.instant();
                Jdbc.update(c, new SqlText().add("update wallet set balance_krw = balance_krw - ? where user_id = ?",
                        amountKrw, userId));
                long entryId;
                try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("insert into wallet_entry (user_id, amount_krw, "
                        + "reason, source, principal, created_at) values (?, ?, ?, 'PURCHASE', ?, ?) returning id",
                        userId, -amountKrw, reason, principal, now));
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    entryId = rs.getLong(1);
                }
                WalletEntry entry = new WalletEntry(entryId, userId, -amountKrw, reason, "purchase",
                        balance - amountKrw, now);
                Jdbc.update(c, new SqlText().add("insert into idempotency_record (scope, key, request_hash, status, body, created_at) "
                        + "values (?, ?, ?, 201, ?, ?)", scope, key, hash, json.write(entry), now));
                audit.record(c, principal, "CASH_DEBITED", "wallet", userId, null, null, Map.of("balanceKrw", balance),
                        Map.of("balanceKrw", balance - amountKrw));
                return new Replayable(201, entry);
            });
        } catch (RuntimeException e) {
            if (Jdbc.isUniqueViolation(e)) {
                return jdbc.read(c -> replay(c, scope, key, hash)).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** Marks a coupon used (at checkout). Using it twice is refused. */
    public void useCoupon(String userId, long couponId, String principal) {
        jdbc.inTransaction(c -> {
            int changed = Jdbc.update(c, new SqlText().add("update coupon set used_at = ? where id = ? and user_id = ? "
                    + "and used_at is null and revoked_at is null and valid_until > ?", clock.instant(), couponId, userId,
                    clock.instant()));
            if (changed == 0) {
                throw new ProblemException(GeneralProblem.CONFLICT, "Coupon " + couponId + " of " + userId
                        + " does not exist, is used, withdrawn or expired");
            }
            audit.record(c, principal, "COUPON_USED", "coupon", Long.toString(couponId), null, null, null, Map.of("userId", userId));
            return null;
        });
    }

    private Optional<Replayable> replay(Connection c, String scope, String key, String hash) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("select request_hash, status, body from idempotency_record "
                + "where scope = ? and key = ?", scope, key)); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            if (!rs.getString(1).equals(hash)) {
                throw new ProblemException(GeneralProblem.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key " + key
                        + " was used for a different debit");
            }
            return Optional.of(new Replayable(rs.getInt(2), json.read(rs.getString(3), WalletEntry.class)));
        }
    }


    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
