package kr.outage.compensation.entitlement.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a campaign stands, as operators and the public see it. Only the lifecycle is stored
 * ({@link Lifecycle}: draft, published, rolling back, rolled back, withdrawn); running and applied are
 * read from the campaign's runs, and a finished rollback that had to leave something as it was is
 * partially rolled back, so the state can never disagree with what the runs and rollbacks did.
 */
public enum CampaignState {
    DRAFT, PUBLISHED, RUNNING, APPLIED, ROLLING_BACK, PARTIALLY_ROLLED_BACK, ROLLED_BACK, WITHDRAWN;

    /** The stored part of the state: what operators decided. */
    public enum Lifecycle {
        DRAFT, PUBLISHED, ROLLING_BACK, ROLLED_BACK, WITHDRAWN
    }

    /** The state shown for a stored lifecycle and what the runs and the rollback left. */
    public static CampaignState of(Lifecycle lifecycle, boolean runActive, boolean applied, boolean rollbackConflicts) {
        return switch (lifecycle) {
            case DRAFT -> DRAFT;
            case PUBLISHED -> runActive ? RUNNING : applied ? APPLIED : PUBLISHED;
            case ROLLING_BACK -> ROLLING_BACK;
            case ROLLED_BACK -> rollbackConflicts ? PARTIALLY_ROLLED_BACK : ROLLED_BACK;
            case WITHDRAWN -> WITHDRAWN;
        };
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Listed on the public registry (official or withdrawn); a draft is not. */
    public boolean isPublic() {
        return this != DRAFT;
    }
}
