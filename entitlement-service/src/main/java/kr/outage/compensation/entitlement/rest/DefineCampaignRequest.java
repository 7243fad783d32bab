package kr.outage.compensation.entitlement.rest;

import jakarta.validation.Valid;
import kr.outage.compensation.entitlement.domain.Announcement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kr.outage.compensation.entitlement.domain.CampaignDefinition;
import kr.outage.compensation.entitlement.domain.CampaignScope;
import kr.outage.compensation.entitlement.domain.OverlapPolicy;
import kr.outage.compensation.entitlement.domain.RemedyGroup;
import kr.outage.compensation.entitlement.domain.SubjectMatch;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/campaigns} and {@code PUT /api/v1/campaigns/{id}}: a compensation campaign as
 * data, stored as a draft. {@code code} is the public code people can check an offer against;
 * {@code snapshotAt} is the instant eligibility is judged at; groups are tried in order and the first
 * that admits a subject gives it its remedies.
 */
public record DefineCampaignRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,63}", message = "must be 3 to 64 upper-case letters, digits or dashes") String code,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String description,
        @NotNull UUID incidentId,
        @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "must be a lower-case service key") String> services,
        @Schema(description = "What people call each service (Korean, English, common spellings), by service key, e.g. "
                + "{\"melon\": [\"멜론\", \"Melon\"]}. The public verifier calls an offer official only when it names one "
                + "of these (or the key itself).")
        @Size(max = 50) Map<@NotNull String, @NotNull @Size(max = 20) List<@NotBlank @Size(max = 64) String>> serviceNames,
        @NotNull CampaignScope scope,
        @NotNull OffsetDateTime snapshotAt,
        SubjectMatch eligibility,
        @NotEmpty List<RemedyGroup> groups,
        @Schema(description = "exclude (default): skip subjects another published campaign for the same incident and "
                + "service already compensated; allow: grant them anyway (a deliberate top-up; overlapReason required)")
        OverlapPolicy overlap,
        @Size(max = 1000) String overlapReason,
        @Schema(description = "What the campaign tells people, in Korean and English (at least one): what is given and "
                + "until when, with no link but the official verify page and no request to do anything. The public "
                + "registry shows it as written, and the verifier calls a pasted text official only when it is one of "
                + "these texts. Fixed when the campaign is published.")
        @Valid AnnouncementText announcement) {

    public CampaignDefinition toDefinition() {
        return new CampaignDefinition(code, title, description, incidentId, services, serviceNames, scope,
                snapshotAt.toInstant(), eligibility, groups, overlap, overlapReason,
                announcement == null ? null : Announcement.of(announcement.ko(), announcement.en()).orElse(null));
    }

    /** The announcement's two texts. */
    public record AnnouncementText(@Size(max = 1000) String ko, @Size(max = 1000) String en) {
    }
}
