package kr.outage.compensation.entitlement.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/users/{userId}/wallet/debits}: spending cash (a purchase), in whole won. */
public record DebitRequest(@NotNull @Min(1) @Max(100_000_000) Long amountKrw, @NotBlank @Size(max = 300) String reason) {
}
