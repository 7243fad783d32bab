package kr.outage.compensation.incident.rest;

import kr.outage.compensation.incident.domain.IncidentStatus;
import kr.outage.compensation.incident.persistence.IncidentUpdateEntity;
import kr.outage.compensation.incident.persistence.UpdateStateEntity;
import kr.outage.compensation.incident.service.IncidentQueries;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One update as recorded. {@code effective} is false once it was corrected ({@code supersededBy}) or
 * retracted; such entries stay in the timeline so readers see what was said and why it changed.
 */
public record TimelineEntryView(UUID id, Instant at, IncidentStatus status, String message, Instant recordedAt,
                                List<Statement> states, boolean effective, UUID correctsUpdateId,
                                String correctionReason, UUID supersededBy, Instant retractedAt,
                                String retractionReason) {

    public record Statement(String service, String function, String platform, String state) {
    }

    static TimelineEntryView of(IncidentQueries.RecordedUpdate recorded) {
        IncidentUpdateEntity u = recorded.update();
        return new TimelineEntryView(u.id, u.at, IncidentStatus.fromWire(u.status).orElseThrow(), u.message,
                u.recordedAt, recorded.states().stream().map(TimelineEntryView::statement).toList(), u.isEffective(),
                u.correctsUpdateId, u.correctionReason, u.supersededBy, u.retractedAt, u.retractionReason);
    }

    private static Statement statement(UpdateStateEntity s) {
        return new Statement(s.service, s.function, s.platform, s.state);
    }
}
