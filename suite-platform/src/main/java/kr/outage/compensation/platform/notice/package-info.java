/**
 * The channels notices go out through: e-mail over SMTP, and a messaging provider over HTTP for SMS and
 * KakaoTalk business messages. Plumbing only: which notice goes where, and what an answer means for it,
 * is decided by each service's own worker (entitlement-service's campaign notices, payout-service's
 * claimant notices). Configured under {@code suite.notices.*}.
 */
package kr.outage.compensation.platform.notice;
