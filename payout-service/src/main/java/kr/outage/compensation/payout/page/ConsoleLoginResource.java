package kr.outage.compensation.payout.page;

import jakarta.ws.rs.Path;
import kr.outage.compensation.platform.page.ConsoleLoginPage;

/** This console's sign-in at {@code suite.console.path} (in development the token comes from {@code bin/dev-token claims-reviewer}). */
@Path("/console/payout")
public class ConsoleLoginResource extends ConsoleLoginPage<PageMessages> {

    public ConsoleLoginResource() {
        super(PageMessages.class, PageMessages::console, PageMessages::login_intro, "/console/reviews");
    }
}
