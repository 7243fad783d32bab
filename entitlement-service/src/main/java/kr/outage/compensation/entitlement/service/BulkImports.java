package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.BillingChannel;
import kr.outage.compensation.entitlement.domain.CampaignRules;
import kr.outage.compensation.entitlement.domain.StoreIdentity;
import kr.outage.compensation.entitlement.domain.SubscriptionKind;
import kr.outage.compensation.entitlement.domain.SubscriptionRules;
import kr.outage.compensation.entitlement.domain.SubscriptionStatus;
import kr.outage.compensation.entitlement.persistence.CsvUpload;
import kr.outage.compensation.entitlement.persistence.Jdbc;

import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Bulk loads of subscriptions and accounts from CSV, one transaction per upload. Subscriptions are
 * copied straight into their table; the accounts they mention are added if new. Accounts go through
 * a temporary table so that ones already known are counted, not refused.
 */
@ApplicationScoped
public class BulkImports {

    static final List<String> SUBSCRIPTION_HEADER = List.of("user_id", "product", "kind", "channel", "status", "country",
            "started_at", "ended_at", "next_billing_date", "expires_on");
    /** The same with the store identity of in-app subscriptions (empty on other rows). */
    static final List<String> SUBSCRIPTION_WITH_STORE_HEADER = java.util.stream.Stream.concat(SUBSCRIPTION_HEADER.stream(),
            java.util.stream.Stream.of("store_product_id", "store_original_transaction_id", "store_purchase_token")).toList();
    static final List<String> ACCOUNT_HEADER = List.of("user_id", "country", "created_at");

    @Inject
    Jdbc jdbc;
    @Inject
    AuditTrail audit;

    public ImportReport subscriptions(InputStream body, String principal) {
        return jdbc.inTransaction(c -> {
            long before;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from subscription")) {
                rs.next();
                before = rs.getLong(1);
            }
            CsvUpload.Outcome outcome = CsvUpload.copy(c, body,
                    List.of(new SubscriptionFormat(false), new SubscriptionFormat(true)));
            long accounts;
            try (PreparedStatement ps = c.prepareStatement("insert into account (user_id, country, created_at) "
                    + "select distinct on (user_id) user_id, country, started_at from subscription where id > ? "
                    + "order by user_id, started_at on conflict (user_id) do nothing")) {
                ps.setLong(1, before);
                accounts = ps.executeUpdate();
            }
            audit.record(c, principal, "SUBSCRIPTIONS_IMPORTED", "import", "subscriptions", null, null, null,
                    Map.of("imported", outcome.copied(), "rejected", outcome.rejected(), "accountsCreated", accounts));
            return view(outcome, accounts);
        });
    }

    public ImportReport accounts(InputStream body, String principal) {
        return jdbc.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("create temp table account_import (user_id varchar(64), country char(2), created_at timestamptz) on commit drop");
            }
            CsvUpload.Outcome outcome = CsvUpload.copy(c, body, new AccountFormat());
            long created;
            try (Statement s = c.createStatement()) {
                created = s.executeUpdate("insert into account (user_id, country, created_at) select distinct on (user_id) "
                        + "user_id, country, created_at from account_import order by user_id, created_at "
                        + "on conflict (user_id) do nothing");
            }
            audit.record(c, principal, "ACCOUNTS_IMPORTED", "import", "accounts", null, null, null,
                    Map.of("received", outcome.received(), "created", created, "rejected", outcome.rejected()));
            return view(outcome, created);
        });
    }

    private static ImportReport view(CsvUpload.Outcome outcome, long accounts) {
        return new ImportReport(outcome.received(), outcome.copied(), outcome.rejected(), accounts,
                outcome.rejections().stream().map(r -> new ImportReport.Rejection(r.line(), r.reason())).toList(),
                outcome.rejected() > outcome.rejections().size());
    }

    /** Subscription rows, with or without the three trailing store columns. */
    static final class SubscriptionFormat implements CsvUpload.Format {

        private final boolean withStore;

        SubscriptionFormat(boolean withStore) {
            this.withStore = withStore;
        }

        @Override
        public List<String> header() {
            return withStore ? SUBSCRIPTION_WITH_STORE_HEADER : SUBSCRIPTION_HEADER;
        }

        @Override
        public String copyStatement() {
            return "COPY subscription (" + String.join(", ", header()) + ") FROM STDIN";
        }

        @Override
        public String toCopyRow(String[] f) throws CsvUpload.Rejected {
            SubscriptionRules.Subscription s;
            try {
                s = new SubscriptionRules.Subscription(f[0], f[1], named("kind", SubscriptionKind::fromWire, f[2]),
                        named("channel", BillingChannel::fromWire, f[3]), named("status", SubscriptionStatus::fromWire, f[4]), f[5],
                        instant("started_at", f[6]), instant("ended_at", f[7]), date("next_billing_date", f[8]),
                        date("expires_on", f[9]), withStore ? StoreIdentity.of(f[10], f[11], f[12]) : null);
            } catch (IllegalArgumentException e) {
                throw new CsvUpload.Rejected(e.getMessage());
            }
            String problem = SubscriptionRules.problem(s);
            if (problem != null) {
                throw new CsvUpload.Rejected(problem);
            }
            String row = String.join("\t", s.userId(), s.product(), s.kind().name(), s.channel().name(), s.status().name(),
                    s.country(), s.startedAt().toString(), s.endedAt() == null ? "\\N" : s.endedAt().toString(),
                    CsvUpload.nullable(f[8]), CsvUpload.nullable(f[9]));
            if (!withStore) {
                return row;
            }
            StoreIdentity store = s.store();
            return String.join("\t", row, CsvUpload.nullable(store == null ? null : store.productId()),
                    CsvUpload.nullable(store == null ? null : store.originalTransactionId()),
                    CsvUpload.nullable(store == null ? null : store.purchaseToken()));
        }
    }

    static final class AccountFormat implements CsvUpload.Format {

        @Override
        public List<String> header() {
            return ACCOUNT_HEADER;
        }

        @Override
        public String copyStatement() {
            return "COPY account_import (user_id, country, created_at) FROM STDIN";
        }

        @Override
        public String toCopyRow(String[] f) throws CsvUpload.Rejected {
            if (!SubscriptionRules.USER_ID.matcher(f[0]).matches()) {
                throw new CsvUpload.Rejected("user_id must be 1 to 64 letters, digits or . _ : @ -");
            }
            if (!CampaignRules.COUNTRY.matcher(f[1]).matches()) {
                throw new CsvUpload.Rejected("country must be an ISO 3166 alpha-2 code like KR");
            }
            Instant created;
            try {
                created = instant("created_at", f[2]);
            } catch (IllegalArgumentException e) {
                throw new CsvUpload.Rejected(e.getMessage());
            }
            if (created == null) {
                throw new CsvUpload.Rejected("created_at is required");
            }
            return f[0] + "\t" + f[1] + "\t" + created;
        }
    }

    private static <T> T named(String field, java.util.function.Function<String, T> parse, String text) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " " + e.getMessage());
        }
    }

    private static Instant instant(String field, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 instant with offset, e.g. 2022-10-15T15:19:00+09:00");
        }
    }

    private static LocalDate date(String field, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a date like 2022-10-19");
        }
    }
}
