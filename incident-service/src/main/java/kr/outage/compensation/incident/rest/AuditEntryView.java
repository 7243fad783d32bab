package kr.outage.compensation.incident.rest;

import kr.outage.compensation.incident.persistence.AuditEventEntity;

import java.time.Instant;
import java.util.UUID;

public record AuditEntryView(Instant occurredAt, String principal, String action, UUID subjectId, String detail) {

    static AuditEntryView of(AuditEventEntity e) {
        return new AuditEntryView(e.occurredAt, e.principal, e.action, e.subjectId, e.detail);
    }
}
