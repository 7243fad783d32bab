package kr.outage.compensation.payout.page;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.Path;
import kr.outage.compensation.platform.page.ConsoleLoginPage;
import kr.outage.compensation.platform.page.PageLanguage;

/** This console's sign-in: its name and where a token comes from (in development, {@code bin/dev-token claims-reviewer}). */
@Path("/console")
public class ConsoleLoginResource extends ConsoleLoginPage {

    @Override
    protected String consoleName(PageLanguage lang) {
        return words(lang).console();
    }

    @Override
    protected String signInHint(PageLanguage lang) {
        return words(lang).login_intro();
    }

    @Override
    protected String home() {
        return "/console/reviews";
    }

    private static PageMessages words(PageLanguage lang) {
        return MessageBundles.get(PageMessages.class, Localized.Literal.of(lang.code()));
    }
}
