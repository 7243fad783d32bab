package kr.outage.compensation.entitlement.support;

import kr.outage.compensation.platform.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The two real campaigns as API requests, and helpers to run them. */
public final class Campaigns {

    private Campaigns() {
    }

    /** The music service's rule of 2022: +3 days for direct passes, 1,500 KRW cash for in-app, partner and ended-on-the-day. */
    public static String music(String code) {
        return """
                {"code":"%s","title":"멜론 서비스 장애 보상","description":"10월 15일 데이터센터 화재로 인한 멜론 이용권 보상: 이용 기간 3일 연장 또는 1,500원 캐시",
                 "incidentId":"%s","services":["melon"],"serviceNames":{"melon":["멜론","Melon"]},"scope":"subscriptions","snapshotAt":"2022-10-16T00:00:00+09:00",
                 "eligibility":{"products":["melon-unlimited","melon-30day"]},
                 "groups":[
                   {"name":"Direct recurring: next billing date +3 days","match":{"channels":["direct"],"kinds":["recurring"],"holding":"active_at_snapshot"},
                    "remedies":[{"type":"extend_billing_date","days":3}]},
                   {"name":"Direct ticket: expiry +3 days","match":{"channels":["direct"],"kinds":["ticket"],"holding":"active_at_snapshot"},
                    "remedies":[{"type":"extend_expiry","days":3}]},
                   {"name":"In-app, partner, or ended during the outage: 1,500 KRW cash","remedies":[{"type":"credit_cash","amountKrw":1500}]}
                 ],"announcement":%s}""".formatted(code, IncidentServiceStub.FIRE, announcement("music_campaign.json"));
    }

    /** A Melon campaign giving cash to every pass holder, with the given overlap policy ("allow" comes with a reason). */
    public static String cashOnly(String code, long krw, String overlap) {
        return """
                {"code":"%s","title":"멜론 추가 보상","description":"멜론 이용권 보유 고객 %d원 캐시",
                 "incidentId":"%s","services":["melon"],"serviceNames":{"melon":["멜론","Melon"]},"scope":"subscriptions",
                 "snapshotAt":"2022-10-16T00:00:00+09:00","overlap":"%s"%s,
                 "groups":[{"name":"Every pass: cash","remedies":[{"type":"credit_cash","amountKrw":%d}]}]}"""
                .formatted(code, krw, IncidentServiceStub.FIRE, overlap,
                        overlap.equals("allow") ? ",\"overlapReason\":\"a deliberate top-up for testing\"" : "", krw);
    }

    /** The messenger's gift pack for domestic accounts, with the capped first-come pass. */
    public static String giftPack(String code, long cap) {
        return """
                {"code":"%s","title":"카카오 1015 장애 보상","description":"국내 이용자 선물 패키지: 이모티콘 3종(영구 1종, 90일 2종), 쇼핑 쿠폰 2,000원·3,000원, 톡서랍 플러스 1개월 이용권(선착순)",
                 "incidentId":"%s","services":["kakaotalk"],"serviceNames":{"kakaotalk":["카카오톡","카톡","KakaoTalk","Kakao Talk","카카오","Kakao","톡서랍","Talk Drawer"]},"scope":"accounts","snapshotAt":"2022-10-15T15:19:00+09:00",
                 "eligibility":{"countries":["KR"]},
                 "groups":[{"name":"Domestic accounts: gift pack","remedies":[
                   {"type":"grant_item","itemCode":"emoticon-1015-permanent","label":"이모티콘 (영구)"},
                   {"type":"grant_item","itemCode":"emoticon-1015-a","label":"이모티콘 A (90일)","days":90},
                   {"type":"grant_item","itemCode":"emoticon-1015-b","label":"이모티콘 B (90일)","days":90},
                   {"type":"grant_coupon","amountKrw":2000,"label":"쇼핑 쿠폰 2,000원","validUntil":"2023-01-20T23:59:59+09:00"},
                   {"type":"grant_coupon","amountKrw":3000,"label":"쇼핑 쿠폰 3,000원","validUntil":"2023-01-20T23:59:59+09:00"},
                   {"type":"claimable_item","itemCode":"talk-drawer-plus-1m","label":"톡서랍 플러스 1개월 이용권","days":30,
                    "cap":%d,"claimDeadline":"2023-01-20T23:59:59+09:00"}]}],"announcement":%s}"""
                .formatted(code, IncidentServiceStub.FIRE, cap, announcement("gift_pack_campaign.json"));
    }

    /** The announcement ({ko, en}, as JSON) of a demo campaign in bench/: the texts the public page shows. */
    public static String announcement(String benchFile) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(java.nio.file.Path.of("../bench", benchFile).toFile()).get("announcement").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One text of a demo campaign's announcement. */
    public static String announcementText(String benchFile, String lang) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(announcement(benchFile)).get(lang).asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Defines the campaign and publishes it: what most tests need is an official, runnable campaign. */
    public static UUID define(String body) {
        UUID id = defineDraft(body);
        publish(id);
        return id;
    }

    public static UUID defineDraft(String body) {
        String id = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/campaigns").then().statusCode(201).body("state", org.hamcrest.Matchers.equalTo("draft"))
                .extract().path("id");
        return UUID.fromString(id);
    }

    public static void publish(UUID campaign) {
        CampaignApprovals.post(campaign, "/publish", null).statusCode(200).body("state", org.hamcrest.Matchers.equalTo("published"));
    }

    /** Approvals of runs by Idempotency-Key: a retry with the same key presents the same approval. */
    private static final java.util.Map<String, String> RUN_APPROVALS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Starts a run, approved by a second person first; when asking is refused, that refusal. */
    public static Response startRun(UUID campaign, String key, String body) {
        String approval = RUN_APPROVALS.get(campaign + "/" + key);
        if (approval == null) {
            Response asked = CampaignApprovals.ask("campaign.run", campaign);
            if (asked.statusCode() != 201) {
                return asked;
            }
            approval = CampaignApprovals.approve(asked);
            RUN_APPROVALS.put(campaign + "/" + key, approval);
        }
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .header("Approval-Id", approval).body(body).when().post("/api/v1/campaigns/" + campaign + "/runs");
    }

    /** Starts a run and waits until it has finished; returns its id. */
    public static String runToCompletion(UUID campaign, String key) {
        String runId = startRun(campaign, key, "{\"chunkSize\":100}").then().statusCode(202).extract().path("runId");
        awaitFinished(campaign, runId);
        return runId;
    }

    public static void awaitFinished(UUID campaign, String runId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().auth().oauth2(Tokens.operator()).when().get("/api/v1/campaigns/" + campaign + "/runs/" + runId)
                        .then().statusCode(200).extract().<String>path("state").startsWith("completed"));
    }

    /** Accounts kr-0 .. kr-(n-1), domestic and joined long before the 2022 fire, as the account import takes them. */
    public static StringBuilder domesticAccounts(int n) {
        StringBuilder csv = new StringBuilder("user_id,country,created_at\n");
        for (int i = 0; i < n; i++) {
            csv.append("kr-").append(i).append(",KR,2015-03-01T00:00:00+09:00\n");
        }
        return csv;
    }

    public static void importCsv(String path, String csv, int status) {
        given().auth().oauth2(Tokens.operator()).contentType("text/csv").body(csv)
                .when().post(path).then().statusCode(status);
    }
}
