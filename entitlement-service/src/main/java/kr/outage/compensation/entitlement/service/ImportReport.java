package kr.outage.compensation.entitlement.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The answer to a bulk import: counts, and each rejected row with its line number and reason. */
@Schema(name = "ImportView")
public record ImportReport(long received, long imported, long rejected, long accountsCreated, List<Rejection> rejections,
                         boolean rejectionsTruncated) {

    public record Rejection(long line, String reason) {
    }
}
