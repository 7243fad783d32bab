package kr.outage.compensation.entitlement.rest;

import java.util.List;

/**
 * The answer to "is this compensation real?". {@code verdict}: official (it matches the listed
 * campaign), not_official (no official campaign gives what the offer promises), or unknown (the
 * text names nothing specific enough to check; the official list is attached).
 */
public record VerificationView(String verdict, boolean official, String message, String messageKo,
                               Understood understood, List<PublicCompensationView> matches) {

    public record Understood(String code, List<Integer> days, List<Integer> months, List<Long> krw) {
    }
}
