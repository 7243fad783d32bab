package kr.outage.compensation.incident.rest;

import kr.outage.compensation.incident.service.IncidentDeclaration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** Body of {@code POST /api/v1/incidents}. */
public record DeclareIncidentRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 2000) String cause,
        @NotNull @Pattern(regexp = Wire.SEVERITY, message = Wire.SEVERITY_MESSAGE) String severity,
        @NotNull OffsetDateTime startedAt,
        OffsetDateTime detectedAt,
        @Valid @Size(max = 200) List<@NotNull AffectedService> services) {

    public IncidentDeclaration toDeclaration() {
        return new IncidentDeclaration(title, cause, severity, startedAt.toInstant(),
                detectedAt == null ? null : detectedAt.toInstant(),
                services == null ? null : services.stream()
                        .map(s -> new IncidentDeclaration.AffectedService(s.service(), s.name(), s.functions())).toList());
    }

    /** A service known to be affected when the incident is declared; more can appear in later updates. */
    public record AffectedService(
            @NotNull @Pattern(regexp = Wire.KEY, message = Wire.KEY_MESSAGE) String service,
            @Size(max = 200) String name,
            @Size(max = 100) List<@NotNull @Pattern(regexp = Wire.KEY, message = Wire.KEY_MESSAGE) String> functions) {
    }
}
