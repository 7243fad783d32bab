package kr.outage.compensation.payout.rest;

import kr.outage.compensation.payout.service.ClaimFiling;
import kr.outage.compensation.platform.notice.ContactDetails;
import kr.outage.compensation.platform.problem.GeneralProblem;
import kr.outage.compensation.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import kr.outage.compensation.payout.domain.SalesPlatform;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Body of {@code POST /api/v1/programs/{id}/claims}. {@code reportedLoss} may be left out when the
 * platform holds the business's baseline sales for the service: the claim is then assessed from it.
 */
public record FileClaimRequest(
        @NotNull String businessRegistrationNumber,
        @NotBlank @Size(max = 200) String businessName,
        @NotNull @Pattern(regexp = Wire.KEY, message = Wire.KEY_MESSAGE) String category,
        @NotNull @Pattern(regexp = Wire.KEY, message = Wire.KEY_MESSAGE) String service,
        @Schema(description = "The platforms through which the business lost sales: some of mobile, web, pc, or all "
                + "(the default). The assessment uses the service's impaired time on these platforms only.")
        @Size(max = 3) List<SalesPlatform> platforms,
        @Positive Long reportedLoss,
        @Size(max = 2000) String lossBasis,
        @NotNull @Valid BankAccount bankAccount,
        @Size(max = 50) @Valid List<@NotNull Evidence> evidence,
        @Schema(description = "Only for claims staff (role claims-reviewer) filing for a business: why, kept with the "
                + "claim. A business owner files for the businesses their sign-in carries, without it.")
        @Valid OnBehalf onBehalf,
        @Schema(nullable = true, description = "Where the filer wants to be told that the claim was filed, approved, "
                + "rejected, paid, or that a transfer failed: a mobile number (text message) and/or an e-mail address. "
                + "Kept encrypted, shown only masked. Without it the notices are shown with the claim only.")
        @Valid Contact contact) {

    /** The claim as filed; contact details that are not an address or a mobile number are refused here. */
    public ClaimFiling toFiling() {
        ClaimFiling.Contact reach = null;
        if (contact != null) {
            try {
                ContactDetails details = ContactDetails.of(contact.email(), contact.phone());
                reach = new ClaimFiling.Contact(details.email(), details.phone(), contact.language() == null ? "ko" : contact.language());
            } catch (IllegalArgumentException invalid) {
                throw ProblemException.field(GeneralProblem.VALIDATION_FAILED, "contact", invalid.getMessage());
            }
        }
        return toFiling(reach);
    }

    private ClaimFiling toFiling(ClaimFiling.Contact reach) {
        return new ClaimFiling(businessRegistrationNumber, businessName, category, service, platforms, reportedLoss, lossBasis,
                new ClaimFiling.Account(bankAccount.bank(), bankAccount.accountNumber(), bankAccount.holder()),
                evidence == null ? null : evidence.stream().map(Evidence::toEvidence).toList(),
                onBehalf == null ? null : new ClaimFiling.OnBehalf(onBehalf.reason().strip(),
                        onBehalf.representativeName() == null ? null : onBehalf.representativeName().strip()),
                reach);
    }

    /** How to reach the filer: an e-mail address, a mobile number (010-1234-5678 or E.164), or both; the language of the notices. */
    public record Contact(@Size(max = 254) String email, @Size(max = 20) String phone,
                          @Schema(enumeration = {"ko", "en"}, defaultValue = "ko", nullable = true)
                          @Pattern(regexp = "ko|en", message = "must be ko or en") String language) {
    }

    /** Claims staff filing for a business: the reason, and the representative's name as shown to them. */
    public record OnBehalf(@NotBlank @Size(min = 10, max = 500) String reason,
                           @Schema(description = "The representative's name, as on the documents staff checked; "
                                   + "the payout account may be held by the business or by this person")
                           @Size(max = 200) String representativeName) {
    }

    public record BankAccount(@NotBlank @Size(max = 100) String bank,
                              @NotNull @Pattern(regexp = "[0-9][0-9-]{5,30}", message = "must be digits and '-'") String accountNumber,
                              @NotBlank @Size(max = 200) String holder) {
    }

    /** A reference to a document held elsewhere (e.g. a storage key), with its type. */
    @Schema(name = "Evidence") // the claim view's stored evidence is "EvidenceOnFile"
    public record Evidence(@NotNull @Pattern(regexp = Wire.KEY, message = Wire.KEY_MESSAGE) String type,
                           @NotBlank @Size(max = 500) String ref) {

        public kr.outage.compensation.payout.domain.Evidence toEvidence() {
            return new kr.outage.compensation.payout.domain.Evidence(type, ref);
        }

        public static Evidence of(kr.outage.compensation.payout.domain.Evidence evidence) {
            return new Evidence(evidence.type(), evidence.ref());
        }
    }
}
