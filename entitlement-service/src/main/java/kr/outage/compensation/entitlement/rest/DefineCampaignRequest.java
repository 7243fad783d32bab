package kr.outage.compensation.entitlement.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kr.outage.compensation.entitlement.domain.CampaignScope;
import kr.outage.compensation.entitlement.domain.RemedyGroup;
import kr.outage.compensation.entitlement.domain.SubjectMatch;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/v1/campaigns}: a compensation campaign as data. {@code code} is the public code
 * people can check an offer against; {@code snapshotAt} is the instant eligibility is judged at;
 * groups are tried in order and the first that admits a subject gives it its remedies.
 */
public record DefineCampaignRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,63}", message = "must be 3 to 64 upper-case letters, digits or dashes") String code,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String description,
        @NotNull UUID incidentId,
        @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "must be a lower-case service key") String> services,
        @NotNull CampaignScope scope,
        @NotNull OffsetDateTime snapshotAt,
        SubjectMatch eligibility,
        @NotEmpty List<RemedyGroup> groups,
        Boolean publish) {
}
