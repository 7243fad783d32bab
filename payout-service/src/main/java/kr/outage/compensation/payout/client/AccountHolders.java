package kr.outage.compensation.payout.client;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds a bank account, as the bank says: through the bank gateway's inquiry, behind a timeout,
 * retries (an inquiry changes nothing, so repeating it is safe) and a circuit breaker. "No such
 * account" is an answer, not a failure.
 *
 * <p>Where no bank gateway can be reached (the local demo, the benchmarks), {@code
 * payout.account-holders.listed-file} names a CSV of {@code bank,accountNumber,holderName}: a bank
 * that knows exactly those accounts and no other. It is an allowlist, never a pass: an account not
 * in it is unknown, and the claim is refused.
 */
@ApplicationScoped
public class AccountHolders {

    private static final Logger LOG = Logger.getLogger(AccountHolders.class);
    /** The host of the default gateway URL, which names no gateway (RFC 2606 reserves .invalid). */
    static final String UNSET_HOST = "bank-gateway.invalid";

    @Inject
    @RestClient
    BankAccountHolderClient bank;

    @ConfigProperty(name = "payout.account-holders.listed-file")
    Optional<String> listedFile;

    @ConfigProperty(name = "quarkus.rest-client.bank-gateway.url")
    String bankGatewayUrl;

    @ConfigProperty(name = "payout.account-holders.required", defaultValue = "true")
    boolean required;

    private Map<String, String> listed;

    /** No way to tell whose an account is means no claim could be paid safely: refuse to start. */
    void atStart(@Observes StartupEvent event) {
        if (required && listed == null && bankGatewayUrl.endsWith(UNSET_HOST)) {
            throw new IllegalStateException("No bank gateway to confirm account holders: set BANK_GATEWAY_URL "
                    + "(or, for a demo or benchmark only, ACCOUNT_HOLDERS_FILE)");
        }
    }

    @PostConstruct
    void load() {
        if (listedFile.isEmpty() || listedFile.get().isBlank()) {
            return;
        }
        Map<String, String> accounts = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of(listedFile.get()), StandardCharsets.UTF_8)) {
                String[] cells = line.split(",", 3);
                if (cells.length == 3 && !line.startsWith("#") && !cells[0].equals("bank")) {
                    accounts.put(key(cells[0], cells[1]), cells[2].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read payout.account-holders.listed-file " + listedFile.get(), e);
        }
        listed = accounts;
        LOG.warnf("Account holders come from the listed file %s (%d accounts), not from a bank: for demos and "
                + "benchmarks only", listedFile.get(), accounts.size());
    }

    /** The holder's name as the bank has it, or empty when the bank knows no such open account. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Uni<Optional<String>> holderOf(String bankName, String accountNumber) {
        if (listed != null) {
            return Uni.createFrom().item(Optional.ofNullable(listed.get(key(bankName, accountNumber))));
        }
        return bank.inquire(new BankAccountHolderClient.Inquiry(bankName, accountNumber))
                .map(answer -> Optional.ofNullable(answer.holderName()).filter(name -> !name.isBlank()))
                .onFailure(AccountHolders::isNoSuchAccount).recoverWithItem(Optional.empty());
    }

    private static boolean isNoSuchAccount(Throwable failure) {
        return failure instanceof WebApplicationException e && e.getResponse().getStatus() == 404;
    }

    /** One account: the bank's name without spaces and case, and the number's digits. */
    private static String key(String bankName, String accountNumber) {
        return bankName.replaceAll("\\s+", "").toLowerCase(Locale.ROOT) + "|" + accountNumber.replaceAll("[^0-9]", "");
    }
}
