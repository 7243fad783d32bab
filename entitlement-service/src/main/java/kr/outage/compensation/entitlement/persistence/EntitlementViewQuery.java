package kr.outage.compensation.entitlement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * "My passes / coupons / cash" in one round trip: PostgreSQL assembles the JSON document, so the most
 * read endpoint of an outage costs one indexed query per person rather than five. Every pass lists
 * the campaigns that changed it, with the run, before and after, and the extensions campaigns asked
 * of its store (App Store, Google Play) with where each one stands.
 */
@ApplicationScoped
public class EntitlementViewQuery {

    static final int LEDGER_ENTRIES = 50;

    private static final String SQL = """
            select json_build_object(
              'userId', ?::text,
              'asOf', ?::timestamptz,
              'passes', coalesce((select json_agg(json_build_object(
                  'subscriptionId', s.id, 'product', s.product, 'kind', lower(s.kind), 'channel', lower(s.channel),
                  'status', lower(s.status), 'country', s.country, 'startedAt', s.started_at, 'endedAt', s.ended_at,
                  'nextBillingDate', s.next_billing_date, 'expiresOn', s.expires_on,
                  'changes', coalesce((select json_agg(json_build_object(
                      'campaignCode', c.code, 'campaignTitle', c.title, 'campaignId', c.id, 'runId', g.run_id,
                      'at', g.granted_at, 'nextBillingDateBefore', g.billing_date_before,
                      'nextBillingDateAfter', g.billing_date_after, 'expiresOnBefore', g.expires_on_before,
                      'expiresOnAfter', g.expires_on_after, 'rolledBackAt', g.rolled_back_at) order by g.granted_at)
                    from campaign_grant g join campaign c on c.id = g.campaign_id and c.scope = 'SUBSCRIPTIONS'
                    where g.subject_id = s.id and (g.billing_date_after is distinct from g.billing_date_before
                      or g.expires_on_after is distinct from g.expires_on_before)), '[]'::json),
                  'storeExtensions', coalesce((select json_agg(json_build_object(
                      'campaignCode', c.code, 'campaignTitle', c.title, 'campaignId', c.id,
                      'store', case r.channel when 'APPLE' then 'app_store' else 'google_play' end, 'days', r.days,
                      'state', case r.state when 'EXTENDED' then 'extended' when 'FALLBACK' then 'refused' else 'pending' end,
                      'renewsOn', (r.new_expiry at time zone 'Asia/Seoul')::date, 'fallbackKrw', r.fallback_krw,
                      'refusal', r.refusal, 'requestedAt', r.created_at, 'settledAt', r.settled_at) order by r.created_at)
                    from store_request r join campaign c on c.id = r.campaign_id
                    where r.subject_id = s.id and r.user_id = s.user_id), '[]'::json)) order by s.id)
                from subscription s where s.user_id = ?), '[]'::json),
              'cash', json_build_object(
                'balanceKrw', coalesce((select w.balance_krw from wallet w where w.user_id = ?), 0),
                'ledger', coalesce((select json_agg(json_build_object('entryId', e.id, 'amountKrw', e.amount_krw,
                    'reason', e.reason, 'source', lower(e.source), 'campaignId', e.campaign_id, 'runId', e.run_id,
                    'at', e.created_at) order by e.id desc)
                  from (select * from wallet_entry where user_id = ? order by id desc limit %d) e), '[]'::json)),
              'coupons', coalesce((select json_agg(json_build_object('couponId', k.id, 'label', k.label,
                  'valueKrw', k.value_krw, 'validUntil', k.valid_until, 'grantedAt', k.granted_at,
                  'state', case when k.revoked_at is not null then 'withdrawn' when k.used_at is not null then 'used'
                    when k.valid_until <= ? then 'expired' else 'available' end,
                  'usedAt', k.used_at, 'campaignId', k.campaign_id) order by k.id)
                from coupon k where k.user_id = ?), '[]'::json),
              'items', coalesce((select json_agg(json_build_object('itemId', i.id, 'itemCode', i.item_code, 'label', i.label,
                  'permanent', i.valid_until is null, 'validUntil', i.valid_until, 'grantedAt', i.granted_at,
                  'active', i.revoked_at is null and (i.valid_until is null or i.valid_until > ?),
                  'withdrawnAt', i.revoked_at, 'campaignId', i.campaign_id) order by i.id)
                from granted_item i where i.user_id = ?), '[]'::json),
              'notices', coalesce((select json_agg(json_build_object('code', notice_code_text(n.code),
                  'campaignCode', c.code, 'campaignTitle', c.title, 'campaignId', c.id, 'state', lower(n.state),
                  'channel', lower(n.channel), 'recipient', n.recipient_masked, 'language', l.lang,
                  -- NoticeText.render, word for word (NoticeTest compares the two)
                  'text', case l.lang when 'ko' then c.announcement_ko || E'\n\n확인 코드 ' || notice_code_text(n.code)
                      || ' · 진위 확인: ' || ?::text else c.announcement_en || E'\n\nCheck code ' || notice_code_text(n.code)
                      || ' · verify at ' || ?::text end,
                  'createdAt', n.created_at, 'sentAt', n.sent_at) order by n.created_at desc, n.campaign_id)
                -- the person's notices first, by their index (offset 0 keeps the planner from also
                -- reading the campaign's whole primary key range when its statistics predate the run)
                from (select * from notice where user_id = ? and state <> 'CANCELLED' and code is not null offset 0) n
                join campaign c on c.id = n.campaign_id
                cross join lateral (select coalesce(n.language, case when c.announcement_ko is not null then 'ko' else 'en' end)
                  as lang) l), '[]'::json)
            )::text
            """.formatted(LEDGER_ENTRIES);

    @Inject
    Jdbc jdbc;

    /** {@code verifyUrl}: the verify page every notice prints (part of each notice's text). */
    public String render(String userId, Instant now, String verifyUrl) {
        return jdbc.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                Jdbc.bind(c, ps, java.util.List.of(userId, now, userId, userId, userId, now, userId, now, userId,
                        verifyUrl, verifyUrl, userId));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
