package kr.outage.compensation.entitlement.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which services a text names, from a vocabulary of names: the names of the campaigns' services
 * (data on each campaign) and the names of other, well-known services. The longest name wins where
 * names overlap, so "카카오페이" (another service) is not read as "카카오" followed by something.
 * A Latin name must stand as a word ("melon", not "melonx"); a Korean name may carry particles
 * ("멜론에서", "멜론 이용권"), as Korean writes them without a space.
 */
public final class ServiceMentions {

    /** A vocabulary entry: a name and whose it is (a service key of a campaign, or another service's name). */
    public record Name(String name, String owner, boolean ours) {
    }

    /** What a text names: services of campaigns (by key) and other services (by the name used). */
    public record Found(Set<String> ours, Set<String> others) {
    }

    private record Hit(int start, int end, Name name) {
    }

    private ServiceMentions() {
    }

    public static Found find(String normalized, List<Name> vocabulary) {
        List<Hit> hits = new ArrayList<>();
        for (Name n : vocabulary) {
            Matcher m = pattern(n.name()).matcher(normalized);
            while (m.find()) {
                hits.add(new Hit(m.start(), m.end(), n));
            }
        }
        hits.sort(Comparator.comparingInt((Hit h) -> h.end() - h.start()).reversed()
                .thenComparing((Hit h) -> !h.name().ours()));
        boolean[] taken = new boolean[normalized.length()];
        Set<String> ours = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        for (Hit h : hits) {
            boolean free = true;
            for (int i = h.start(); i < h.end(); i++) {
                free &= !taken[i];
            }
            if (!free) {
                continue;
            }
            for (int i = h.start(); i < h.end(); i++) {
                taken[i] = true;
            }
            (h.name().ours() ? ours : others).add(h.name().owner());
        }
        return new Found(ours, others);
    }

    /** Vocabulary from the campaigns' service names plus other services (names that are ours win). */
    public static List<Name> vocabulary(List<Campaign> campaigns, List<String> otherServices) {
        List<Name> out = new ArrayList<>();
        Set<String> oursNormalized = new LinkedHashSet<>();
        for (Campaign c : campaigns) {
            for (String service : c.services()) {
                List<String> names = new ArrayList<>(List.of(service));
                names.addAll(c.serviceNames().getOrDefault(service, List.of()));
                for (String name : names) {
                    String n = OfferText.of(name).normalized();
                    if (!n.isEmpty() && oursNormalized.add(n + "\u0000" + service)) {
                        out.add(new Name(n, service, true));
                    }
                }
            }
        }
        Set<String> ourNames = new LinkedHashSet<>();
        out.forEach(n -> ourNames.add(n.name()));
        for (String other : otherServices) {
            String n = OfferText.of(other).normalized();
            if (!n.isEmpty() && !ourNames.contains(n)) {
                out.add(new Name(n, other.trim(), false));
            }
        }
        return out;
    }

    private static Pattern pattern(String name) {
        boolean latin = name.chars().anyMatch(ch -> ch < 128 && Character.isLetter(ch));
        // spaces inside a name are optional ("카카오 톡" / "카카오톡", "kakao talk" / "kakaotalk")
        StringBuilder body = new StringBuilder();
        for (String part : name.split(" ")) {
            body.append(body.length() == 0 ? "" : "\\s?").append(Pattern.quote(part));
        }
        return Pattern.compile(latin ? "(?<![a-z0-9])" + body + "(?![a-z])" : body.toString());
    }
}
