package kr.outage.compensation.payout.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What turns a reported sales loss into the assessed loss: the operating margin of the business
 * category (only profit is lost, not turnover), the share of the loss that alternatives could not
 * absorb (1 = no alternative existed), the platform's share of that service's market, and, per
 * category, the most a business of that kind plausibly sells in a day.
 */
public record AssessmentParameters(Map<String, BigDecimal> operatingMargins,
                                   BigDecimal alternativeAvailabilityFactor,
                                   Map<String, BigDecimal> platformShares,
                                   Map<String, Long> maxDailySales) {

    public Map<String, Long> maxDailySalesOrEmpty() {
        return maxDailySales == null ? Map.of() : maxDailySales;
    }
}
