package kr.outage.compensation.payout;

import kr.outage.compensation.payout.support.PayoutApprovals;
import kr.outage.compensation.payout.support.BankGatewayStub;

import kr.outage.compensation.payout.support.Owners;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.security.AccountVault;
import kr.outage.compensation.payout.support.AccountKeys;
import kr.outage.compensation.payout.support.Claims;
import kr.outage.compensation.payout.support.Database;
import kr.outage.compensation.payout.support.IncidentServiceStub;
import kr.outage.compensation.payout.support.Programs;
import kr.outage.compensation.platform.testing.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Bank account numbers at rest: encrypted in every table and in a pg_dump of the database, shown
 * masked, decrypted only into the transfer file (each read audited with reader and batch), and
 * re-encrypted under a new key while claims keep arriving, with nothing lost.
 */
@QuarkusTest
@QuarkusTestResource(IncidentServiceStub.class)
@QuarkusTestResource(AccountKeys.class)
class AccountEncryptionTest {

    static final String NUMBER = "3333-777-999111";
    final String approver = Tokens.withRoles("approver-lee@example.com", "payout-approver");

    @Inject
    AccountVault vault;

    String program;

    @BeforeEach
    void setUp() {
        program = Programs.freshFire2022();
    }

    @AfterEach
    void oneKeyAgain() throws Exception {
        Files.deleteIfExists(AccountKeys.DIR.resolve("dev-2026-12.key"));
        vault.reload();
    }

    private String file(int n, String number) {
        Map<String, Object> claim = new HashMap<>(Claims.taxi(n, 100_000));
        claim.put("bankAccount", Map.of("bank", "Hana", "accountNumber", number, "holder", "Holder " + n));
        return Claims.file(program, claim, "owner-" + n);
    }

    @Test
    void noAccountNumberInClearInAnyTableOrDump() throws Exception {
        String claim = file(1, NUMBER);
        given().auth().oauth2(approver).get("/api/v1/claims/{id}", claim).then().statusCode(200)
                .body("bankAccount.accountNumberMasked", equalTo("*********9111")).body("bankAccount.holder", equalTo("Holder 1"));
        String digits = NUMBER.replace("-", "");
        for (String column : new String[]{"bank_account", "account_holder"}) {
            assertThat(Database.count("select count(*) from claim where " + column + " not like 'enc1:dev-2026-11:%'")).isZero();
        }
        assertThat(Database.count("select count(*) from claim where bank_account like '%" + digits.substring(4) + "%' "
                + "or replace(bank_account, '-', '') like '%" + digits + "%'")).isZero();
        assertThat(Database.text("select bank_account_hash from claim")).isEqualTo(vault.hash(NUMBER)).hasSize(64);

        // a correction keeps both accounts masked in its history and the new one encrypted
        String batch = given().auth().oauth2(approver).header("Idempotency-Key", "b1")
                .when().post("/api/v1/programs/{id}/payout-batches", program).then().statusCode(201).extract().path("id");
        given().auth().oauth2(approver).contentType(ContentType.JSON).body(Map.of("items", List.of(
                        Map.of("claimId", claim, "result", "failed", "failureReason", "account closed"))))
                .header("Approval-Id", PayoutApprovals.settle(batch, approver)).when().post("/api/v1/payout-batches/{id}/settlement", batch).then().statusCode(200);
        BankGatewayStub.opens("4444-888-000222", "Holder 1");
        given().auth().oauth2(Tokens.businessOwner("owner-1")).contentType(ContentType.JSON)
                .body(Map.of("bankAccount", Map.of("bank", "Hana", "accountNumber", "4444-888-000222", "holder", "Holder 1")))
                .when().put("/api/v1/claims/{id}/bank-account", claim).then().statusCode(200);

        String dump = pgDump();
        // intake's stored answers (replayed for an Idempotency-Key) name the holder too: encrypted like the claim
        assertThat(dump).contains("enc1:dev-2026-11:").doesNotContain(NUMBER).doesNotContain(digits)
                .doesNotContain("4444-888-000222").doesNotContain("4444888000222").doesNotContain("Holder 1");
        assertThat(Database.count("select count(*) from idempotency_record where scope = 'file-claim' "
                + "and response_body not like 'enc1:dev-2026-11:%'")).isZero();
    }

    @Test
    void theTransferFileCarriesTheNumbersAndEveryReadIsAudited() {
        String first = file(1, NUMBER);
        String second = file(2, "110-222-333444");
        String batch = given().auth().oauth2(approver).header("Idempotency-Key", "b1")
                .when().post("/api/v1/programs/{id}/payout-batches", program).then().statusCode(201).extract().path("id");
        String csv = given().auth().oauth2(approver).header("Approval-Id", PayoutApprovals.release(batch, approver)).when().get("/api/v1/payout-batches/{id}/transfers.csv", batch)
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains(first + ",").contains(",Hana," + NUMBER + ",Holder 1,30000")
                .contains(second + ",").contains(",Hana,110-222-333444,Holder 2,30000");
        assertThat(Database.text("select principal || ' ' || subject_id || ' ' || (detail->>'accounts') from payout_audit "
                + "where action = 'ACCOUNT_NUMBERS_READ' and subject_id = '" + batch + "'"))
                .isEqualTo("approver-lee@example.com " + batch + " 2");
        given().auth().oauth2(Tokens.reviewer()).when().get("/api/v1/payout-batches/{id}/transfers.csv", batch).then().statusCode(403);
        assertThat(Database.count("select count(*) from payout_audit where action = 'ACCOUNT_NUMBERS_READ' and subject_id = '"
                + batch + "'")).isOne();
    }

    @Test
    void rotationWhileClaimsArriveLosesNothing() throws Exception {
        for (int i = 0; i < 30; i++) {
            file(i, "900-100-" + String.format("%06d", i));
        }
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Files.writeString(AccountKeys.DIR.resolve("dev-2026-12.key"), Base64.getEncoder().encodeToString(key));

        CompletableFuture<Void> intake = CompletableFuture.runAsync(() -> {
            for (int i = 30; i < 70; i++) {
                file(i, "900-100-" + String.format("%06d", i));
            }
        });
        Response rotated = given().auth().oauth2(approver).header("Approval-Id", PayoutApprovals.rotation(approver)).when().post("/api/v1/operations/account-key-rotation");
        rotated.then().statusCode(200).body("currentKey", equalTo("dev-2026-12"));
        intake.get();
        // claims filed while the first pass ran may have been written before the new key was read: a second pass
        given().auth().oauth2(approver).header("Approval-Id", PayoutApprovals.rotation(approver)).when().post("/api/v1/operations/account-key-rotation").then().statusCode(200)
                .body("remaining", equalTo(0));

        assertThat(Database.count("select count(*) from claim")).isEqualTo(70);
        assertThat(Database.count("select count(*) from claim where bank_account like 'enc1:dev-2026-12:%' "
                + "and account_holder like 'enc1:dev-2026-12:%'")).isEqualTo(70);
        assertThat(Database.count("select count(*) from idempotency_record where scope = 'file-claim' "
                + "and response_body not like 'enc1:dev-2026-12:%'")).isZero();
        String batch = given().auth().oauth2(approver).header("Idempotency-Key", "b1")
                .when().post("/api/v1/programs/{id}/payout-batches", program).then().statusCode(201).extract().path("id");
        String csv = given().auth().oauth2(approver).header("Approval-Id", PayoutApprovals.release(batch, approver)).when().get("/api/v1/payout-batches/{id}/transfers.csv", batch)
                .then().statusCode(200).extract().asString();
        for (int i = 0; i < 70; i++) {
            assertThat(csv).contains(",Hana,900-100-" + String.format("%06d", i) + ",Holder " + i + ",");
        }
        assertThat(csv.lines()).hasSize(71);
        given().auth().oauth2(Tokens.reviewer()).when().post("/api/v1/operations/account-key-rotation").then().statusCode(403);
    }

    /** Rows stored before encryption existed (plain text, no mask) are encrypted by the pass that runs at start. */
    @Test
    void rowsStoredBeforeEncryptionAreEncryptedByThePass() {
        String claim = file(1, NUMBER);
        Database.execute("update claim set bank_account = '" + NUMBER + "', account_holder = 'Holder 1', "
                + "bank_account_masked = null, bank_account_hash = null where id = '" + claim + "'");
        given().auth().oauth2(approver).get("/api/v1/claims/{id}", claim).then().statusCode(200)
                .body("bankAccount.accountNumberMasked", equalTo("*********9111"));
        given().auth().oauth2(approver).header("Approval-Id", PayoutApprovals.rotation(approver)).when().post("/api/v1/operations/account-key-rotation").then().statusCode(200)
                .body("reencrypted", equalTo(1)).body("remaining", equalTo(0));
        assertThat(Database.count("select count(*) from claim where bank_account like 'enc1:%' and account_holder like 'enc1:%' "
                + "and bank_account_masked = '*********9111' and bank_account_hash is not null")).isOne();
    }

    /** Nothing the service logs while handling accounts (refusals included) carries a number. */
    @Test
    void noAccountNumberInTheLogs() throws Exception {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                String message = record.getMessage() == null ? "" : new java.util.logging.SimpleFormatter().formatMessage(record);
                lines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            String claim = file(1, NUMBER);
            Map<String, Object> again = new HashMap<>(Claims.taxi(1, 100_000));
            again.put("bankAccount", Map.of("bank", "Hana", "accountNumber", NUMBER, "holder", "Holder 1"));
            given().auth().oauth2(Owners.of("owner-1", again)).contentType(ContentType.JSON).header("Idempotency-Key", "dup")
                    .body(again).when().post("/api/v1/programs/{id}/claims", program).then().statusCode(409);
            given().auth().oauth2(Tokens.businessOwner("owner-1")).contentType(ContentType.JSON)
                    .body(Map.of("bankAccount", Map.of("bank", "Hana", "accountNumber", NUMBER, "holder", "Holder 1")))
                    .when().put("/api/v1/claims/{id}/bank-account", claim).then().statusCode(422);
            String batch = given().auth().oauth2(approver).header("Idempotency-Key", "b1")
                    .when().post("/api/v1/programs/{id}/payout-batches", program).then().statusCode(201).extract().path("id");
            given().auth().oauth2(approver).header("Approval-Id", PayoutApprovals.release(batch, approver)).when().get("/api/v1/payout-batches/{id}/transfers.csv", batch).then().statusCode(200);
            given().auth().oauth2(approver).header("Approval-Id", PayoutApprovals.rotation(approver)).when().post("/api/v1/operations/account-key-rotation").then().statusCode(200);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(lines).isNotEmpty().noneMatch(l -> l.contains(NUMBER) || l.contains(NUMBER.replace("-", "")));
    }

    private static String pgDump() throws Exception {
        URI url = URI.create(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class).substring(5));
        Process dump = new ProcessBuilder("pg_dump", "-h", url.getHost(), "-p", String.valueOf(url.getPort()), "-U", "postgres",
                "--data-only", url.getPath().substring(1)).redirectErrorStream(true).start();
        String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dump.waitFor()).as(out.lines().limit(5).toList().toString()).isZero();
        return out;
    }
}
