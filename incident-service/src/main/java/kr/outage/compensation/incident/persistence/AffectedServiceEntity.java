package kr.outage.compensation.incident.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A service declared as affected when the incident was opened, with the functions it is known to have. */
@Entity
@Table(name = "affected_service")
@IdClass(AffectedServiceEntity.Key.class)
public class AffectedServiceEntity extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;
    @Id
    public String service;
    @Column(name = "display_name")
    public String displayName;
    public String[] functions;

    public static class Key implements Serializable {
        public UUID incidentId;
        public String service;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(incidentId, k.incidentId) && Objects.equals(service, k.service);
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentId, service);
        }
    }
}
