package kr.outage.compensation.payout.domain;

import java.util.List;

/** Assessed losses up to {@code upTo} KRW (inclusive) are paid {@code support} KRW, given the listed evidence. */
public record SupportTier(long upTo, long support, List<String> evidence) {
}
