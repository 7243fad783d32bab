package kr.outage.compensation.payout.rest;

import kr.outage.compensation.payout.domain.AssessmentParameters;
import kr.outage.compensation.payout.domain.SupportTier;
import kr.outage.compensation.payout.service.ProgramDefinition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Body of {@code POST /api/v1/programs}: a small-business support program for one incident. */
public record CreateProgramRequest(
        @NotNull UUID incidentId,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Valid Intake intake,
        @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = Wire.KEY, message = Wire.KEY_MESSAGE) String> services,
        @NotNull @Valid Assessment assessment,
        @NotEmpty @Size(max = 10) @Valid List<@NotNull Tier> tiers,
        @NotNull @Positive Long reviewThreshold,
        @Size(max = 20) List<@NotNull @Pattern(regexp = Wire.KEY, message = Wire.KEY_MESSAGE) String> reviewEvidence,
        @Schema(description = "What the company set aside for the program, in KRW. Approvals never commit more: a claim "
                + "approved by rule that no longer fits waits in awaiting_budget; a committee approval that does not fit is "
                + "refused (409 budget-exhausted). Without it approvals are not limited.")
        @Positive Long budgetKrw,
        @Schema(description = "Days after a decision (a rejection, or an approved amount) within which the filer may "
                + "object once (이의신청); 30 when not given", minimum = "1", maximum = "365", nullable = true)
        @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(365) Integer objectionDays) {

    /** The objection period when a program does not set one. */
    public static final int DEFAULT_OBJECTION_DAYS = 30;

    public ProgramDefinition toDefinition() {
        return new ProgramDefinition(incidentId, name, intake.opensOn(), intake.closesOn(), intake.zone(), services,
                new AssessmentParameters(assessment.operatingMargins(), assessment.alternativeAvailabilityFactor(),
                        assessment.platformShares(), assessment.maxDailySales()),
                tiers.stream().map(t -> new SupportTier(t.upTo(), t.support(), t.evidence() == null ? List.of() : t.evidence())).toList(),
                reviewThreshold, reviewEvidence, budgetKrw, objectionDays == null ? DEFAULT_OBJECTION_DAYS : objectionDays);
    }

    /** Claims are accepted from the start of {@code opensOn} to the end of {@code closesOn}, in {@code zone}. */
    public record Intake(@NotNull LocalDate opensOn, @NotNull LocalDate closesOn, @NotBlank @Size(max = 64) String zone) {
    }

    public record Assessment(
            @NotEmpty Map<@Pattern(regexp = Wire.KEY, message = Wire.KEY_MESSAGE) String,
                    @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal> operatingMargins,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal alternativeAvailabilityFactor,
            @NotEmpty Map<@Pattern(regexp = Wire.KEY, message = Wire.KEY_MESSAGE) String,
                    @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal> platformShares,
            Map<@Pattern(regexp = Wire.KEY, message = Wire.KEY_MESSAGE) String, @NotNull @Positive Long> maxDailySales) {
    }

    public record Tier(@NotNull @Positive Long upTo, @NotNull @Positive Long support,
                       @Size(max = 20) List<@NotNull @Pattern(regexp = Wire.KEY, message = Wire.KEY_MESSAGE) String> evidence) {
    }
}
