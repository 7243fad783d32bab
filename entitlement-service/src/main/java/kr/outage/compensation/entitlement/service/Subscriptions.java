package kr.outage.compensation.entitlement.service;

import kr.outage.compensation.platform.problem.GeneralProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.StoreIdentity;
import kr.outage.compensation.entitlement.domain.SubscriptionRules;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.persistence.SqlText;
import kr.outage.compensation.platform.problem.Problem;
import kr.outage.compensation.platform.problem.ProblemException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Single subscriptions: create, read, cancel. Bulk loads go through {@link BulkImports}. */
@ApplicationScoped
public class Subscriptions {

    private static final String COLUMNS = "id, user_id, product, kind, channel, status, country, started_at, ended_at, "
            + "next_billing_date, expires_on, store_product_id, store_original_transaction_id, store_purchase_token";

    @Inject
    Jdbc jdbc;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    public StoredSubscription create(SubscriptionRules.Subscription s, String principal) {
        String problem = SubscriptionRules.problem(s);
        if (problem != null) {
            throw new ProblemException(GeneralProblem.VALIDATION_FAILED, problem,
                    List.of(new Problem.FieldError(problem.substring(0, problem.indexOf(' ')), problem)));
        }
        StoreIdentity store = s.store();
        return jdbc.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("insert into subscription (user_id, product, kind, "
                    + "channel, status, country, started_at, ended_at, next_billing_date, expires_on, store_product_id, "
                    + "store_original_transaction_id, store_purchase_token) values "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", s.userId(), s.product(), s.kind().name(), s.channel().name(),
                    s.status().name(), s.country(), s.startedAt(), s.endedAt(), s.nextBillingDate(), s.expiresOn(),
                    store == null ? null : store.productId(), store == null ? null : store.originalTransactionId(),
                    store == null ? null : store.purchaseToken()));
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("insert into account (user_id, country, created_at) "
                    + "values (?, ?, ?) on conflict (user_id) do nothing", s.userId(), s.country(), s.startedAt()))) {
                ps.executeUpdate();
            }
            StoredSubscription view = find(c, id).orElseThrow();
            audit.record(c, principal, "SUBSCRIPTION_CREATED", "subscription", Long.toString(id), null, null, null, view);
            return view;
        });
    }

    public StoredSubscription get(long id) {
        return jdbc.read(c -> find(c, id)).orElseThrow(() -> ProblemException.notFound("No subscription " + id));
    }

    /** Ends the pass now. Cancelling twice is refused, so a retried request cannot hide a mistake. */
    public StoredSubscription cancel(long id, String principal) {
        return jdbc.inTransaction(c -> {
            StoredSubscription before = find(c, id, true).orElseThrow(() -> ProblemException.notFound("No subscription " + id));
            if (!"active".equals(before.status())) {
                throw new ProblemException(GeneralProblem.CONFLICT, "Subscription " + id + " is already " + before.status());
            }
            Instant now = clock.instant();
            try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("update subscription set status = 'CANCELLED', "
                    + "ended_at = ? where id = ?", now, id))) {
                ps.executeUpdate();
            }
            StoredSubscription after = find(c, id).orElseThrow();
            audit.record(c, principal, "SUBSCRIPTION_CANCELLED", "subscription", Long.toString(id), null, null, before, after);
            return after;
        });
    }

    private static Optional<StoredSubscription> find(Connection c, long id) throws SQLException {
        return find(c, id, false);
    }

    private static Optional<StoredSubscription> find(Connection c, long id, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from subscription where id = ?"
                + (lock ? " for update" : ""))) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredSubscription(rs.getLong(1), rs.getString(2), rs.getString(3),
                        lower(rs.getString(4)), lower(rs.getString(5)), lower(rs.getString(6)), rs.getString(7),
                        Jdbc.instant(rs.getTimestamp(8)), Jdbc.instant(rs.getTimestamp(9)),
                        rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getString(12),
                        rs.getString(13), rs.getString(14)));
            }
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
