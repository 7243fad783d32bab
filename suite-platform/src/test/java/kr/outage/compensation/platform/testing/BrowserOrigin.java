package kr.outage.compensation.platform.testing;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;

/**
 * Sends what a browser sends with a form it posts from a console page: an {@code Origin} naming the
 * service itself. Tests of the origin check set their own Origin (or {@link #NONE}), which this leaves alone.
 */
public final class BrowserOrigin implements Filter {

    public static final BrowserOrigin INSTANCE = new BrowserOrigin();
    /** A header value that makes this filter send no Origin at all, as a client outside any browser. */
    public static final String NONE = "<none>";

    private BrowserOrigin() {
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        URI uri = URI.create(request.getURI());
        if ("POST".equals(request.getMethod()) && uri.getPath().startsWith("/console/")) {
            String given = request.getHeaders().getValue("Origin");
            if (NONE.equals(given)) {
                request.removeHeader("Origin");
            } else if (given == null) {
                request.header("Origin", uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort());
            }
        }
        return context.next(request, response);
    }
}
