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

    @Message("이 페이지를 볼 권한이 없습니다")
    String refused_title();

    @Message("{operator} 계정으로 로그인되어 있지만, 이 페이지에는 다음 역할 중 하나가 필요합니다: {roles}")
    String refused(String operator, String roles);

    @Message("권한이 있는 다른 계정으로 로그인하거나, 관리자에게 역할을 요청하세요.")
    String refused_next();

    @Message("다른 계정으로 로그인")
    String sign_in_as_other();
}
