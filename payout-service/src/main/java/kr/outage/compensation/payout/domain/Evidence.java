package kr.outage.compensation.payout.domain;

/** A reference to a document held elsewhere (e.g. a storage key), with its type. */
public record Evidence(String type, String ref) {
}
