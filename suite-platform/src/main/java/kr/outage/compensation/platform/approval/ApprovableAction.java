package kr.outage.compensation.platform.approval;

import java.util.Map;

/**
 * An action that moves money or reaches many people and so needs a second person: a service declares
 * each as a bean (its rules, its summary, its idea of "changed"); {@link Approvals} is the shared
 * mechanism around them.
 */
public interface ApprovableAction {

    /** Its name in requests and problems, e.g. {@code campaign.publish}. */
    String name();

    /** Who may ask for it, and then carry it out once approved. */
    String makerRole();

    /** Who may approve or reject it (never the person who asked). */
    String checkerRole();

    /**
     * What the approver will see, frozen now, with the state it was taken from; refuses (with the
     * service's own problem) a subject the action cannot apply to.
     */
    Frozen freeze(String subject);

    /** The subject's state now: anything but the frozen fingerprint voids the request. */
    String fingerprint(String subject);

    /** The frozen summary (JSON-ready values) and the state it describes. */
    record Frozen(Map<String, Object> summary, String fingerprint) {
    }
}
