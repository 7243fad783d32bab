package kr.outage.compensation.incident.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ImpactCalculatorTest {

    static final Instant T0 = Instant.parse("2022-10-15T06:19:00Z");

    static Instant t(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static StateStatement s(String service, String function, Platform platform, ComponentState state) {
        return new StateStatement(service, function, platform, state);
    }

    @Test
    void serviceLevelStatementAppliesToEveryKnownFunction() {
        IncidentImpact impact = ImpactCalculator.compute(Map.of("melon", List.of("login", "charts")), List.of(
                new TimelineFact(t(0), List.of(s("melon", null, Platform.ALL, ComponentState.MAJOR_OUTAGE))),
                new TimelineFact(t(60), List.of(s("melon", "login", Platform.ALL, ComponentState.OPERATIONAL))),
                new TimelineFact(t(120), List.of(s("melon", "charts", Platform.ALL, ComponentState.OPERATIONAL)))));
        assertThat(impact.service("melon", Platform.WEB).impairedTime(ComponentState.PARTIAL_OUTAGE, t(500)))
                .isEqualTo(Duration.ofMinutes(120));
        assertThat(impact.components().get(new ComponentKey("melon", "login", Platform.PC)).stateWindows())
                .containsExactly(new Window(t(0), t(60), ComponentState.MAJOR_OUTAGE));
    }

    @Test
    void narrowerStatementWinsAtTheSameInstantWhateverItsPositionInTheUpdate() {
        List<StateStatement> statements = new ArrayList<>(List.of(
                s("melon", "login", Platform.MOBILE, ComponentState.PARTIAL_OUTAGE),
                s("melon", null, Platform.ALL, ComponentState.MAJOR_OUTAGE)));
        for (int i = 0; i < 2; i++) {
            Collections.reverse(statements);
            IncidentImpact impact = ImpactCalculator.compute(Map.of("melon", List.of("login", "charts")),
                    List.of(new TimelineFact(t(0), List.copyOf(statements))));
            assertThat(impact.components().get(new ComponentKey("melon", "login", Platform.MOBILE)).stateAt(t(1)))
                    .isEqualTo(ComponentState.PARTIAL_OUTAGE);
            assertThat(impact.components().get(new ComponentKey("melon", "login", Platform.WEB)).stateAt(t(1)))
                    .isEqualTo(ComponentState.MAJOR_OUTAGE);
        }
    }

    @Test
    void conflictingReportsAtTheSameInstantResolveToTheWorseState() {
        List<TimelineFact> facts = new ArrayList<>(List.of(
                new TimelineFact(t(0), List.of(s("genie", null, Platform.MOBILE, ComponentState.DEGRADED))),
                new TimelineFact(t(0), List.of(s("genie", null, Platform.MOBILE, ComponentState.MAJOR_OUTAGE)))));
        for (int i = 0; i < 2; i++) {
            Collections.reverse(facts);
            IncidentImpact impact = ImpactCalculator.compute(Map.of(), facts);
            assertThat(impact.service("genie", Platform.MOBILE).stateAt(t(5))).isEqualTo(ComponentState.MAJOR_OUTAGE);
        }
    }

    @Test
    void anyPermutationOfFactsGivesTheSameTimelines() {
        List<TimelineFact> facts = List.of(
                new TimelineFact(t(0), List.of(s("kakaotalk", null, Platform.ALL, ComponentState.MAJOR_OUTAGE))),
                new TimelineFact(t(30), List.of(s("kakaotalk", "messaging", Platform.MOBILE, ComponentState.PARTIAL_OUTAGE))),
                new TimelineFact(t(45), List.of(s("kakaotalk", "login", Platform.ALL, ComponentState.DEGRADED))),
                new TimelineFact(t(90), List.of(s("kakaotalk", null, Platform.WEB, ComponentState.OPERATIONAL))),
                new TimelineFact(t(120), List.of(s("kakaotalk", null, Platform.ALL, ComponentState.OPERATIONAL))));
        IncidentImpact reference = ImpactCalculator.compute(Map.of(), facts);
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            List<TimelineFact> shuffled = new ArrayList<>(facts);
            Collections.shuffle(shuffled, random);
            assertThat(ImpactCalculator.compute(Map.of(), shuffled).components()).isEqualTo(reference.components());
        }
    }

    @Test
    void stillImpairedMeansAnOpenWindowMeasuredToNow() {
        IncidentImpact impact = ImpactCalculator.compute(Map.of(), List.of(
                new TimelineFact(t(0), List.of(s("talk-drawer", null, Platform.ALL, ComponentState.MAJOR_OUTAGE)))));
        assertThat(impact.isOngoing(ComponentState.PARTIAL_OUTAGE)).isTrue();
        assertThat(impact.lastRecovery(ComponentState.PARTIAL_OUTAGE)).isEmpty();
        assertThat(impact.span(ComponentState.PARTIAL_OUTAGE, t(90))).isEqualTo(Duration.ofMinutes(90));
        assertThat(impact.service("talk-drawer", Platform.PC).impairedWindows(ComponentState.PARTIAL_OUTAGE))
                .containsExactly(new Window(t(0), null, ComponentState.MAJOR_OUTAGE));
    }

    @Test
    void adjacentImpairedStatesMergeIntoOneWindowWithTheWorstState() {
        IncidentImpact impact = ImpactCalculator.compute(Map.of(), List.of(
                new TimelineFact(t(0), List.of(s("melon", null, Platform.ALL, ComponentState.PARTIAL_OUTAGE))),
                new TimelineFact(t(10), List.of(s("melon", null, Platform.ALL, ComponentState.MAJOR_OUTAGE))),
                new TimelineFact(t(20), List.of(s("melon", null, Platform.ALL, ComponentState.DEGRADED))),
                new TimelineFact(t(30), List.of(s("melon", null, Platform.ALL, ComponentState.OPERATIONAL)))));
        StateTimeline web = impact.service("melon", Platform.WEB);
        assertThat(web.impairedWindows(ComponentState.PARTIAL_OUTAGE))
                .containsExactly(new Window(t(0), t(20), ComponentState.MAJOR_OUTAGE));
        assertThat(web.impairedWindows(ComponentState.DEGRADED))
                .containsExactly(new Window(t(0), t(30), ComponentState.MAJOR_OUTAGE));
        assertThat(web.stateWindows()).hasSize(3);
    }

    @Test
    void noFactsMeansNoImpact() {
        IncidentImpact impact = ImpactCalculator.compute(Map.of("melon", List.of("login")), List.of());
        assertThat(impact.firstImpairment(ComponentState.DEGRADED)).isEmpty();
        assertThat(impact.span(ComponentState.DEGRADED, t(10))).isZero();
        assertThat(impact.service("unknown", Platform.ALL).isEverImpaired(ComponentState.DEGRADED)).isFalse();
    }
}
