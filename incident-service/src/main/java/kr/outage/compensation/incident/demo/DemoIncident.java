package kr.outage.compensation.incident.demo;

import kr.outage.compensation.incident.rest.DeclareIncidentRequest;
import kr.outage.compensation.incident.rest.TimelineUpdateRequest;

import java.util.List;

/** A demo file: an incident as it would be declared, and the updates as they would be posted. */
public record DemoIncident(DeclareIncidentRequest incident, List<TimelineUpdateRequest> updates) {
}
