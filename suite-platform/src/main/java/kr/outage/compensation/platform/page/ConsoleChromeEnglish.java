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

    @Override
    @Message("You may not see this page")
    String refused_title();

    @Override
    @Message("You are signed in as {operator}, but this page needs one of these roles: {roles}")
    String refused(String operator, String roles);

    @Override
    @Message("Sign in as someone who has the role, or ask an administrator for it.")
    String refused_next();

    @Override
    @Message("Sign in as someone else")
    String sign_in_as_other();
}
