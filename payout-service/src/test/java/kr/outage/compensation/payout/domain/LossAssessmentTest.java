package kr.outage.compensation.payout.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The real tiers: <= 300,000 KRW -> 30,000; <= 500,000 -> 50,000; above -> committee. */
class LossAssessmentTest {

    static final List<SupportTier> TIERS = List.of(
            new SupportTier(300_000, 30_000, List.of()),
            new SupportTier(500_000, 50_000, List.of("sales_statement")));
    static final List<String> REVIEW_EVIDENCE = List.of("sales_ledger", "tax_invoice");

    /** Factors of 1 so that the assessed loss equals the basis and the boundaries are exact. */
    static final AssessmentParameters NEUTRAL = new AssessmentParameters(Map.of("taxi", BigDecimal.ONE), BigDecimal.ONE,
            Map.of("kakaot", BigDecimal.ONE), Map.of());

    static LossAssessment.Result assess(AssessmentParameters p, long reported, long impairedSeconds, String... evidence) {
        return LossAssessment.assess(p, TIERS, 500_000, REVIEW_EVIDENCE, "taxi", "kakaot", reported, impairedSeconds,
                Set.of(evidence));
    }

    @Test
    void tierBoundariesAreInclusive() {
        assertThat(assess(NEUTRAL, 1, 3600)).extracting(LossAssessment.Result::tier, LossAssessment.Result::support)
                .containsExactly(1, 30_000L);
        assertThat(assess(NEUTRAL, 300_000, 3600)).extracting(LossAssessment.Result::tier, LossAssessment.Result::support)
                .containsExactly(1, 30_000L);
        assertThat(assess(NEUTRAL, 300_001, 3600, "sales_statement"))
                .extracting(LossAssessment.Result::tier, LossAssessment.Result::support).containsExactly(2, 50_000L);
        assertThat(assess(NEUTRAL, 500_000, 3600, "sales_statement"))
                .extracting(LossAssessment.Result::tier, LossAssessment.Result::support).containsExactly(2, 50_000L);
        LossAssessment.Result above = assess(NEUTRAL, 500_001, 3600, "sales_ledger", "tax_invoice");
        assertThat(above.state()).isEqualTo(ClaimState.AWAITING_REVIEW);
        assertThat(above.tier()).isNull();
        assertThat(above.support()).isNull();
        assertThat(above.missingEvidence()).isEmpty();
    }

    @Test
    void underTheThresholdWithEvidenceIsApprovedByRuleOtherwiseEvidenceIsRequested() {
        assertThat(assess(NEUTRAL, 200_000, 3600).state()).isEqualTo(ClaimState.APPROVED);
        LossAssessment.Result tierTwo = assess(NEUTRAL, 400_000, 3600);
        assertThat(tierTwo.state()).isEqualTo(ClaimState.EVIDENCE_REQUESTED);
        assertThat(tierTwo.missingEvidence()).containsExactly("sales_statement");
        assertThat(assess(NEUTRAL, 900_000, 3600, "tax_invoice").missingEvidence()).containsExactly("sales_ledger");
    }

    @Test
    void factorsMultiplyAndRoundDownToTheWon() {
        AssessmentParameters p = new AssessmentParameters(Map.of("taxi", new BigDecimal("0.35")), new BigDecimal("0.7"),
                Map.of("kakaot", new BigDecimal("0.8")), Map.of());
        // 999,999 x 0.35 x 0.7 x 0.8 = 195,999.804 -> 195,999
        assertThat(assess(p, 999_999, 3600).assessedLoss()).isEqualTo(195_999);
    }

    @Test
    void reportedLossIsCappedAtWhatIsPlausibleForTheImpairedTime() {
        AssessmentParameters p = new AssessmentParameters(Map.of("taxi", BigDecimal.ONE), BigDecimal.ONE,
                Map.of("kakaot", BigDecimal.ONE), Map.of("taxi", 400_000L));
        // Kakao T was impaired 28 h 41 min = 103,260 s: at most 400,000 x 103,260 / 86,400 = 478,055.5 -> 478,055
        LossAssessment.Result r = assess(p, 5_000_000, 103_260, "sales_statement");
        assertThat(r.plausibleCap()).isEqualTo(478_055L);
        assertThat(r.capped()).isTrue();
        assertThat(r.assessedLoss()).isEqualTo(478_055L);
        assertThat(r.support()).isEqualTo(50_000L);
        assertThat(assess(p, 100_000, 103_260).capped()).isFalse();
    }
}
