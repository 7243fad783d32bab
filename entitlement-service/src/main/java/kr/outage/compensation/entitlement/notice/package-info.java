/**
 * The channels notices go out through: e-mail over SMTP, and a messaging provider over HTTP for SMS and
 * KakaoTalk business messages. Adapters only: which notice goes where, and what an answer means for
 * it, is decided by {@link kr.outage.compensation.entitlement.service.NoticeWorker}.
 */
package kr.outage.compensation.entitlement.notice;
