package io.fanzha.outreach.spotcheck;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A sample of household visits drawn for revisits: where, when, how, from which seed, by whom. */
@Entity
@Table(name = "spot_check")
public class SpotCheck extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The root of the subtree sampled. */
    @Column(name = "region_code")
    public String regionCode;

    public String period;

    public int percent;

    @Column(name = "minimum_per_village")
    public int minimumPerVillage;

    @Column(name = "minimum_per_worker")
    public int minimumPerWorker;

    public long seed;

    /** Household visits the sample was drawn from. */
    public int candidates;

    @Column(name = "drawn_by")
    public String drawnBy;

    @Column(name = "drawn_at")
    public OffsetDateTime drawnAt;
}
