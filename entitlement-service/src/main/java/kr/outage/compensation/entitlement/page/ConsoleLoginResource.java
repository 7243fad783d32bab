package kr.outage.compensation.entitlement.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Path;
import kr.outage.compensation.platform.page.ConsoleLoginPage;
import kr.outage.compensation.platform.page.PageLanguage;

/** This console's login page; in development the token comes from {@code bin/dev-token compensation-operator}. */
@Path("/console")
public class ConsoleLoginResource extends ConsoleLoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(PageLanguage lang, String next, String error);
    }

    @Override
    protected TemplateInstance page(PageLanguage lang, String next, String error) {
        return Templates.login(lang, next, error);
    }

    @Override
    protected String home() {
        return "/console/campaigns";
    }
}
