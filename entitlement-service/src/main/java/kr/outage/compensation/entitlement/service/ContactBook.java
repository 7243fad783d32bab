package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.persistence.ContactStore;
import kr.outage.compensation.entitlement.persistence.ContactVault;
import kr.outage.compensation.entitlement.persistence.CsvUpload;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.problem.ProblemType;
import kr.outage.compensation.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;

/**
 * Contact details for notices: loaded in bulk, kept encrypted, and deleted when their retention ends
 * (a default from configuration, or the days an import says). The audit records counts, never a detail.
 */
@ApplicationScoped
public class ContactBook {

    static final int MAX_RETAIN_DAYS = 730;

    @Inject
    Jdbc jdbc;
    @Inject
    ContactStore contacts;
    @Inject
    ContactVault vault;
    @Inject
    AuditTrail audit;

    @ConfigProperty(name = "entitlement.contacts.retention", defaultValue = "P180D")
    Duration defaultRetention;

    /** What an import did: rows stored, rows refused (by line), rows for accounts this service does not know. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ContactImportView")
    public record Imported(long received, long stored, long rejected, long unknownAccounts,
                           java.util.List<ImportReport.Rejection> rejections, boolean rejectionsTruncated, int retainDays) {
    }

    public Imported load(InputStream body, Integer retainDays, String principal) {
        if (!vault.configured()) {
            throw new ProblemException(ProblemType.CONTACTS_NOT_CONFIGURED, "Set CONTACT_KEYS_DIR to a directory of contact keys "
                    + "(see docs/operations.md) before importing contact details; nothing was stored");
        }
        if (retainDays != null && (retainDays < 1 || retainDays > MAX_RETAIN_DAYS)) {
            throw ProblemException.invalidParameter("retainDays", "must be between 1 and " + MAX_RETAIN_DAYS);
        }
        Duration retention = retainDays == null ? defaultRetention : Duration.ofDays(retainDays);
        return jdbc.inTransaction(c -> {
            ContactStore.Loaded loaded = contacts.load(c, body, retention);
            CsvUpload.Outcome o = loaded.outcome();
            audit.record(c, principal, "CONTACTS_IMPORTED", "import", "contacts", null, null, null,
                    Map.of("received", o.received(), "stored", loaded.stored(), "rejected", o.rejected(),
                            "unknownAccounts", loaded.unknownAccounts(), "retainDays", retention.toDays()));
            return new Imported(o.received(), loaded.stored(), o.rejected(), loaded.unknownAccounts(),
                    o.rejections().stream().map(r -> new ImportReport.Rejection(r.line(), r.reason())).toList(),
                    o.rejected() > o.rejections().size(), (int) retention.toDays());
        });
    }

    /** Deletes contact details whose retention ended; returns how many. */
    public int purgeExpired() {
        return jdbc.inTransaction(contacts::purgeExpired);
    }
}
