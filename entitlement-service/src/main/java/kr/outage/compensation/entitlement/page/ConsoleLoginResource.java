package kr.outage.compensation.entitlement.page;

import jakarta.ws.rs.Path;
import kr.outage.compensation.platform.page.ConsoleLoginPage;

/** This console's sign-in (in development the token comes from {@code bin/dev-token compensation-operator}). */
@Path("/console")
public class ConsoleLoginResource extends ConsoleLoginPage<PageMessages> {

    public ConsoleLoginResource() {
        super(PageMessages.class, PageMessages::console, PageMessages::login_intro, "/console/campaigns");
    }
}
