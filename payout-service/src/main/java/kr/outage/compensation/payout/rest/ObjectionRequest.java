package kr.outage.compensation.payout.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code POST /api/v1/claims/{id}/objection}: why the filer objects, and the documents that show it. */
public record ObjectionRequest(@NotBlank @Size(max = 2000) String reason,
                               @Size(max = 50) @Valid List<FileClaimRequest.@NotNull Evidence> documents) {

    public List<kr.outage.compensation.payout.domain.Evidence> documentList() {
        return documents == null ? List.of() : documents.stream().map(FileClaimRequest.Evidence::toEvidence).toList();
    }
}
