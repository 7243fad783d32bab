package kr.outage.compensation.incident.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.util.UUID;

/** One state statement of an update, stored exactly as given (platform "all" is not expanded). */
@Entity
@Table(name = "update_state")
public class UpdateStateEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "update_state_seq")
    @SequenceGenerator(name = "update_state_seq", sequenceName = "update_state_seq", allocationSize = 50)
    public Long id;
    @Column(name = "update_id")
    public UUID updateId;
    @Column(name = "incident_id")
    public UUID incidentId;
    public int position;
    public String service;
    public String function;
    public String platform;
    public String state;
}
