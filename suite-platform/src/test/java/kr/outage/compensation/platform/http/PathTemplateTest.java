package kr.outage.compensation.platform.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Path templates as the REST layer and the OpenAPI write them, matched against request paths. */
class PathTemplateTest {

    @Test
    void aParameterIsOneSegment() {
        var claim = PathTemplate.toPattern("/api/v1/claims/{claimId}");
        assertThat(claim.matcher("/api/v1/claims/9e700ed4-ffa5-4c35-a0e5-8874693513d1").matches()).isTrue();
        assertThat(claim.matcher("/api/v1/claims/9e700ed4/review").matches()).isFalse();
        assertThat(claim.matcher("/api/v1/claims/").matches()).isFalse();
        assertThat(claim.matcher("/api/v1/claims/x/").matches()).as("a trailing slash").isTrue();
    }

    @Test
    void aParameterWithItsOwnRegexMatchesOnlyThat() {
        var update = PathTemplate.toPattern("/incidents/{id}/updates/{updateId: [0-9]+}");
        assertThat(update.matcher("/incidents/a/updates/12").matches()).isTrue();
        assertThat(update.matcher("/incidents/a/updates/twelve").matches()).isFalse();
    }

    @Test
    void literalPartsAreNotRegex() {
        var csv = PathTemplate.toPattern("/batches/{id}/transfers.csv");
        assertThat(csv.matcher("/batches/1/transfers.csv").matches()).isTrue();
        assertThat(csv.matcher("/batches/1/transfersXcsv").matches()).isFalse();
    }
}
