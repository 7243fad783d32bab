package kr.outage.compensation.payout.service;

import kr.outage.compensation.payout.persistence.ClaimWriter;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.domain.BankAccount;
import kr.outage.compensation.payout.security.AccountVault;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Brings every stored bank account under the current key: rows written before encryption existed
 * (plain text) and rows under an older key are re-encrypted, 500 claims per transaction, each chunk
 * taken with SKIP LOCKED so intake and corrections go on meanwhile; a crash loses at most the chunk
 * in flight, and the next run (at start, or asked for) carries on where the last one stopped,
 * because "not under the current key" is the whole of its state.
 */
@ApplicationScoped
public class AccountKeyRotation {

    private static final Logger LOG = Logger.getLogger(AccountKeyRotation.class);
    static final int CHUNK = 500;

    @Inject
    Pool pool;
    @Inject
    AccountVault vault;

    @ConfigProperty(name = "payout.accounts.rotate-at-start", defaultValue = "true")
    boolean rotateAtStart;

    /** How far it got: claims re-encrypted by this run, and those still not under the current key. */
    public record Progress(String currentKey, long reencrypted, long remaining) {
    }

    void atStart(@Observes StartupEvent event) {
        if (rotateAtStart) {
            rotate().subscribe().with(
                    p -> { },
                    failure -> LOG.warnf("Bank account re-encryption at start stopped: %s (it resumes at the next run)",
                            failure.getMessage()));
        }
    }

    /** Reads the key directory again, then re-encrypts until no claim is left under another key. */
    public Uni<Progress> rotate() {
        vault.reload();
        String current = vault.currentKeyId();
        return Multi.createBy().repeating().uni(() -> chunk().chain(claims -> storedAnswers().map(answers -> claims + answers)))
                .whilst(done -> done > 0)
                .collect().with(java.util.stream.Collectors.summingLong(Integer::longValue))
                .chain(done -> remaining(current).map(left -> new Progress(current, done, left)))
                .invoke(p -> LOG.infof("Bank accounts: %d re-encrypted under key %s, %d not yet", p.reencrypted(),
                        p.currentKey(), p.remaining()));
    }

    private Uni<Integer> chunk() {
        String current = vault.currentKeyId();
        return pool.withTransaction(conn -> conn.preparedQuery("select id, bank_name, bank_account, account_holder, "
                        + "representative_name, contact_email, contact_phone from claim "
                        + "where bank_account not like $1 order by id limit " + CHUNK + " for update skip locked")
                .execute(Tuple.of("enc1:" + current + ":%"))
                .chain(rows -> {
                    List<Tuple> updates = new ArrayList<>();
                    for (Row r : rows) {
                        UUID id = r.getUUID("id");
                        BankAccount account = new BankAccount(r.getString("bank_name"),
                                vault.decrypt(r.getString("bank_account"), id), vault.decrypt(r.getString("account_holder"), id));
                        updates.add(Tuple.from(java.util.Arrays.asList(id, vault.encrypt(account.number(), id),
                                vault.encrypt(account.holder(), id), account.maskedNumber(), vault.hash(account.number()),
                                again(r.getString("representative_name"), id), again(r.getString("contact_email"), id),
                                again(r.getString("contact_phone"), id))));
                    }
                    if (updates.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return conn.preparedQuery("update claim set bank_account = $2, account_holder = $3, "
                                    + "bank_account_masked = $4, bank_account_hash = $5, representative_name = $6, "
                                    + "contact_email = $7, contact_phone = $8 where id = $1")
                            .executeBatch(updates).replaceWith(updates.size());
                }));
    }

    /** Every other value encrypted for the claim goes to the current key with it. */
    private String again(String stored, UUID claimId) {
        return stored == null ? null : vault.encrypt(vault.decrypt(stored, claimId), claimId);
    }

    /** Intake's stored answers (replayed for an Idempotency-Key) name the holder: encrypted for their claim. */
    private Uni<Integer> storedAnswers() {
        String current = vault.currentKeyId();
        return pool.withTransaction(conn -> conn.preparedQuery("select principal, idem_key, location, response_body "
                        + "from idempotency_record where scope = $1 and response_body like 'enc1:%' and response_body not like $2 "
                        + "order by principal, idem_key limit " + CHUNK + " for update skip locked")
                .execute(Tuple.of(ClaimWriter.SCOPE, "enc1:" + current + ":%"))
                .chain(rows -> {
                    List<Tuple> updates = new ArrayList<>();
                    for (Row r : rows) {
                        String location = r.getString("location");
                        UUID claimId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
                        updates.add(Tuple.of(r.getString("principal"), r.getString("idem_key"),
                                again(r.getString("response_body"), claimId)));
                    }
                    if (updates.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return conn.preparedQuery("update idempotency_record set response_body = $3 where scope = '"
                                    + ClaimWriter.SCOPE + "' and principal = $1 and idem_key = $2")
                            .executeBatch(updates).replaceWith(updates.size());
                }));
    }

    private Uni<Long> remaining(String current) {
        return pool.preparedQuery("select (select count(*) from claim where bank_account not like $1) + (select count(*) "
                        + "from idempotency_record where scope = $2 and response_body like 'enc1:%' and response_body not like $1)")
                .execute(Tuple.of("enc1:" + current + ":%", ClaimWriter.SCOPE)).map(rows -> rows.iterator().next().getLong(0));
    }
}
