package kr.outage.compensation.incident.domain;

/**
 * One line of a timeline update: "service S (function F, or the whole service when F is null) on
 * platform P (or all of them) is in state X from this update's instant on".
 */
public record StateStatement(String service, String function, Platform platform, ComponentState state) {

    /**
     * How narrowly the statement aims. At the same instant a narrower statement overrides a broader
     * one, so "melon: major outage, melon/login: partial outage" in one update means what it says.
     */
    int specificity() {
        return (function != null ? 2 : 0) + (platform != Platform.ALL ? 1 : 0);
    }
}
