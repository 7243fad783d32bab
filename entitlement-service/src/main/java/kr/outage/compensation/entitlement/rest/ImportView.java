package kr.outage.compensation.entitlement.rest;

import java.util.List;

/** The answer to a bulk import: counts, and each rejected row with its line number and reason. */
public record ImportView(long received, long imported, long rejected, long accountsCreated, List<Rejection> rejections,
                         boolean rejectionsTruncated) {

    public record Rejection(long line, String reason) {
    }
}
