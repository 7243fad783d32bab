package kr.outage.compensation.platform.page;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the page chrome every console shares (language switch, sign-in, sign-out), as
 * {@code chrome:} in templates: Korean by default, English in {@link ConsoleChromeEnglish}.
 */
@MessageBundle(value = "chrome", locale = "ko")
public interface ConsoleChrome {

    @Message("English")
    String other_language();

    @Message("콘솔 로그인")
    String login_title();

    @Message("토큰")
    String token();

    @Message("로그인")
    String login();

    @Message("로그아웃")
    String logout();

    @Message("토큰이 유효하지 않거나 만료되었습니다.")
    String login_invalid();
}
