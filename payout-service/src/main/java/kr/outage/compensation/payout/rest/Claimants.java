package kr.outage.compensation.payout.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.SecurityContext;
import kr.outage.compensation.payout.domain.BusinessRegistrationNumber;
import kr.outage.compensation.payout.service.Claimant;
import kr.outage.compensation.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The claimant a request's sign-in proves: for the {@code business-owner} role, the registration
 * numbers in the token's {@code business_numbers} claim (a JSON array of strings, with or without
 * dashes; malformed entries are ignored) and the token's {@code name}; claims staff by role.
 */
public final class Claimants {

    /** The token claim listing the registration numbers the identity provider verified for the owner. */
    public static final String BUSINESS_NUMBERS_CLAIM = "business_numbers";

    private Claimants() {
    }

    public static Claimant of(SecurityContext security) {
        String principal = security.getUserPrincipal().getName();
        boolean staff = security.isUserInRole(Roles.CLAIMS_REVIEWER);
        if (!(security.getUserPrincipal() instanceof JsonWebToken token) || !security.isUserInRole(Roles.BUSINESS_OWNER)) {
            return new Claimant(principal, Set.of(), Optional.empty(), staff);
        }
        Set<String> numbers = new HashSet<>();
        if (token.getClaim(BUSINESS_NUMBERS_CLAIM) instanceof JsonArray listed) {
            for (JsonValue value : listed) {
                if (value instanceof JsonString text) {
                    BusinessRegistrationNumber.parse(text.getString()).ifPresent(n -> numbers.add(n.digits()));
                }
            }
        }
        Optional<String> name = Optional.ofNullable(token.<Object>getClaim("name"))
                .map(n -> n instanceof JsonString s ? s.getString() : n.toString()).filter(n -> !n.isBlank());
        return new Claimant(principal, numbers, name, staff);
    }
}
