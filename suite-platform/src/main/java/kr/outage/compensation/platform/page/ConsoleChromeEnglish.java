package kr.outage.compensation.platform.page;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The page chrome in English ({@code ?lang=en}). */
@Localized("en")
public interface ConsoleChromeEnglish extends ConsoleChrome {

    @Override
    @Message("한국어")
    String other_language();

    @Override
    @Message("Console sign-in")
    String login_title();

    @Override
    @Message("Token")
    String token();

    @Override
    @Message("Sign in")
    String login();

    @Override
    @Message("Sign out")
    String logout();

    @Override
    @Message("The token is invalid or has expired.")
    String login_invalid();
}
