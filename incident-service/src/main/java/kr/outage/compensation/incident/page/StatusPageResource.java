package kr.outage.compensation.incident.page;

import kr.outage.compensation.platform.page.PageLanguage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kr.outage.compensation.incident.domain.IncidentImpact;
import kr.outage.compensation.incident.domain.IncidentStatus;
import kr.outage.compensation.incident.service.ImpactCache;
import kr.outage.compensation.incident.service.IncidentQueries;
import kr.outage.compensation.incident.service.IncidentSnapshot;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The public status page: server-rendered HTML that works without JavaScript, in Korean (English
 * with {@code ?lang=en}), times in KST. It reads the same cached snapshot as the impact API, so the
 * picture and the API never disagree.
 */
@Path("/status")
@PermitAll
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Status page", description = "Public HTML pages")
public class StatusPageResource {

    /** Updates shown per page below the timeline: an incident may have a thousand. */
    static final int UPDATES_PER_PAGE = 50;
    static final int INCIDENTS_LISTED = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance incidents(PageLanguage lang, List<IncidentLine> ongoing, List<IncidentLine> past);

        static native TemplateInstance incident(PageLanguage lang, IncidentSnapshot.Incident incident,
                                                IncidentImpact.Summary summary, TimelineChart chart,
                                                List<UpdateLine> updates, UpdatePage page);

        static native TemplateInstance notFound(PageLanguage lang);
    }

    @Inject
    IncidentQueries queries;
    @Inject
    ImpactCache cache;
    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Ongoing and past incidents (HTML)")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    public Uni<TemplateInstance> incidents(@QueryParam("lang") String lang) {
        PageLanguage language = PageLanguage.of(lang);
        return queries.list(Optional.empty(), Optional.empty(), Optional.empty(), 0, INCIDENTS_LISTED).map(found -> {
            List<IncidentLine> lines = found.items().stream().map(IncidentLine::of).toList();
            return localized(Templates.incidents(language,
                    lines.stream().filter(l -> l.status() != IncidentStatus.RESOLVED).toList(),
                    lines.stream().filter(l -> l.status() == IncidentStatus.RESOLVED).toList()), language);
        });
    }

    @GET
    @Path("incidents/{id}")
    @Operation(summary = "One incident: timeline picture per service and function, impaired time, updates (HTML)")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such incident (an HTML page)", content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> incident(@PathParam("id") UUID id, @QueryParam("lang") String lang,
                                  @QueryParam("updates") String updatesPage) {
        PageLanguage language = PageLanguage.of(lang);
        Instant asOf = clock.instant();
        return cache.get(id).chain(snapshot -> {
            if (snapshot.isEmpty()) {
                return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND)
                        .entity(localized(Templates.notFound(language), language)).build());
            }
            return queries.timeline(id).map(timeline -> {
                List<UpdateLine> all = timeline.orElse(List.of()).stream().map(UpdateLine::of).toList();
                UpdatePage page = UpdatePage.of(updatesPage, all.size(), UPDATES_PER_PAGE);
                IncidentSnapshot found = snapshot.get();
                TemplateInstance html = Templates.incident(language, found.incident(),
                        found.impact().summary(IncidentImpact.DEFAULT_THRESHOLD, asOf), TimelineChart.of(found, asOf),
                        all.subList(page.from(), page.to()), page);
                return Response.ok(localized(html, language)).build();
            });
        });
    }

    private static TemplateInstance localized(TemplateInstance page, PageLanguage language) {
        return page.setAttribute(MessageBundles.ATTRIBUTE_LOCALE, language.locale());
    }

    /** Which slice of the updates a page shows; {@code index} is zero-based, out-of-range values are clamped. */
    public record UpdatePage(int index, int count, int from, int to, int total) {

        static UpdatePage of(String requested, int total, int size) {
            int count = Math.max(1, (total + size - 1) / size);
            int index;
            try {
                index = requested == null ? 0 : Integer.parseInt(requested);
            } catch (NumberFormatException notANumber) {
                index = 0;
            }
            index = Math.min(Math.max(index, 0), count - 1);
            return new UpdatePage(index, count, index * size, Math.min(total, (index + 1) * size), total);
        }

        public boolean hasPrevious() {
            return index > 0;
        }

        public boolean hasNext() {
            return index + 1 < count;
        }

        public int previousIndex() {
            return index - 1;
        }

        public int nextIndex() {
            return index + 1;
        }

        /** One-based, for "51–100 of 1,000". */
        public int firstShown() {
            return total == 0 ? 0 : from + 1;
        }
    }

    /** A row of the incident list. */
    public record IncidentLine(UUID id, String title, String severity, IncidentStatus status, Instant startedAt,
                               Instant resolvedAt) {

        static IncidentLine of(kr.outage.compensation.incident.persistence.IncidentEntity e) {
            return new IncidentLine(e.id, e.title, e.severity, IncidentStatus.fromWire(e.status).orElseThrow(),
                    e.startedAt, e.resolvedAt);
        }

        public Duration duration() {
            return resolvedAt == null ? null : Duration.between(startedAt, resolvedAt);
        }
    }

    /** An update as the page lists it: what was said, when, and whether it still counts. */
    public record UpdateLine(UUID id, Instant at, String status, String message, boolean effective,
                             boolean superseded, boolean retracted, String reason, List<Statement> states) {

        public record Statement(String service, String function, String platform, String state) {
        }

        static UpdateLine of(IncidentQueries.RecordedUpdate recorded) {
            var u = recorded.update();
            return new UpdateLine(u.id, u.at, u.status, u.message, u.isEffective(), u.supersededBy != null,
                    u.retractedAt != null, u.retractedAt != null ? u.retractionReason : u.correctionReason,
                    recorded.states().stream().map(s -> new Statement(s.service, s.function, s.platform, s.state)).toList());
        }
    }
}
