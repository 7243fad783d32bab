package kr.outage.compensation.entitlement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.platform.notice.ContactDetails;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The account_contact rows (see V12__notices.sql): loaded by CSV, read for notices, purged when their time is up. */
@ApplicationScoped
public class ContactStore {

    static final List<String> HEADER = List.of("user_id", "email", "phone");

    @Inject
    ContactVault vault;

    public record Loaded(CsvUpload.Outcome outcome, long stored, long unknownAccounts) {
    }

    /**
     * Streams a CSV of contact details into account_contact, encrypting each field as it is read; a
     * later row for the same account replaces the earlier one. Rows for accounts the service does not
     * know are counted and not stored: no personal data without a reason to hold it.
     */
    public Loaded load(Connection c, java.io.InputStream body, Duration retention) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create temp table contact_import (line bigserial, user_id varchar(64), email_sealed text, "
                    + "email_masked varchar(200), phone_sealed text, phone_masked varchar(32)) on commit drop");
        }
        CsvUpload.Outcome outcome = CsvUpload.copy(c, body, new Format());
        long stored;
        long unknown;
        try (PreparedStatement ps = c.prepareStatement("insert into account_contact (user_id, email_sealed, email_masked, "
                + "phone_sealed, phone_masked, updated_at, purge_after) select distinct on (i.user_id) i.user_id, i.email_sealed, "
                + "i.email_masked, i.phone_sealed, i.phone_masked, now(), now() + ? * interval '1 second' from contact_import i "
                + "join account a on a.user_id = i.user_id order by i.user_id, i.line desc on conflict (user_id) do update set "
                + "email_sealed = excluded.email_sealed, email_masked = excluded.email_masked, phone_sealed = excluded.phone_sealed, "
                + "phone_masked = excluded.phone_masked, updated_at = excluded.updated_at, purge_after = excluded.purge_after")) {
            ps.setLong(1, retention.toSeconds());
            stored = ps.executeUpdate();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(distinct user_id) from contact_import i "
                + "where not exists (select 1 from account a where a.user_id = i.user_id)")) {
            rs.next();
            unknown = rs.getLong(1);
        }
        return new Loaded(outcome, stored, unknown);
    }

    /** The contact details of these accounts, decrypted; an account without any is absent. */
    public Map<String, ContactDetails> forUsers(Connection c, Collection<String> userIds) throws SQLException {
        Map<String, ContactDetails> out = new HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select user_id, email_sealed, phone_sealed from account_contact "
                + "where user_id = any(?) and purge_after > now()")) {
            ps.setArray(1, c.createArrayOf("varchar", userIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String userId = rs.getString(1);
                    out.put(userId, new ContactDetails(vault.decrypt(rs.getString(2), userId), vault.decrypt(rs.getString(3), userId)));
                }
            }
        }
        return out;
    }

    /** Deletes the contact details whose retention has ended; the notices sent keep their masked recipient. */
    public int purgeExpired(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("delete from account_contact where purge_after <= now()");
        }
    }

    /** One CSV line: validated, then encrypted, so no plaintext address reaches the database. */
    final class Format implements CsvUpload.Format {

        @Override
        public List<String> header() {
            return HEADER;
        }

        @Override
        public String copyStatement() {
            return "COPY contact_import (user_id, email_sealed, email_masked, phone_sealed, phone_masked) FROM STDIN";
        }

        @Override
        public String toCopyRow(String[] f) throws CsvUpload.Rejected {
            if (!kr.outage.compensation.entitlement.domain.SubscriptionRules.USER_ID.matcher(f[0]).matches()) {
                throw new CsvUpload.Rejected("user_id must be 1 to 64 letters, digits or . _ : @ -");
            }
            ContactDetails details;
            try {
                details = ContactDetails.of(f[1], f[2]);
            } catch (IllegalArgumentException e) {
                throw new CsvUpload.Rejected(e.getMessage());
            }
            return String.join("\t", f[0], CsvUpload.nullable(vault.encrypt(details.email(), f[0])),
                    CsvUpload.nullable(details.maskedEmail().orElse(null)), CsvUpload.nullable(vault.encrypt(details.phone(), f[0])),
                    CsvUpload.nullable(details.maskedPhone().orElse(null)));
        }
    }
}
