package kr.outage.compensation.entitlement.page;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The pages' words: Korean by default, English in {@code messages/msg_en.properties}. */
@MessageBundle(value = "msg", locale = "ko")
public interface PageMessages {

    @Message("이 보상, 진짜인가요?")
    String verify_title();

    @Message("문자, 메신저, 웹사이트에서 받은 보상 안내를 아래에 붙여 넣으세요. 공식 보상인지 바로 알려 드립니다. 공식 보상은 아래 목록에 있는 것뿐입니다.")
    String verify_intro();

    @Message("받은 보상 안내 내용")
    String verify_label();

    @Message("예: 1000일 무료 이용권 지급! 아래 링크에서 신청하세요")
    String verify_placeholder();

    @Message("확인하기")
    String verify_button();

    @Message("일치하는 공식 보상")
    String matching();

    @Message("공식 보상 목록")
    String official_list();

    @Message("코드")
    String code();

    @Message("보상")
    String compensation();

    @Message("대상")
    String who();

    @Message("내용")
    String gives();

    @Message("기준 시각")
    String snapshot();

    @Message("신청 마감")
    String claim_deadline();

    @Message("상태")
    String state();

    @Message("{#switch status}{#case 'official'}공식{#case 'withdrawn'}철회됨{#else}{status}{/switch}")
    String public_status(String status);

    @Message("English")
    String other_language();

    @Message("운영 콘솔")
    String console();

    @Message("콘솔 로그인")
    String login_title();

    @Message("회사 인증 서버에서 받은 토큰을 붙여 넣으세요. 개발 환경에서는 bin/dev-token compensation-operator 로 만들 수 있습니다.")
    String login_intro();

    @Message("토큰")
    String token();

    @Message("로그인")
    String login();

    @Message("로그아웃")
    String logout();

    @Message("토큰이 유효하지 않거나 만료되었습니다.")
    String login_invalid();

    @Message("보상 캠페인")
    String campaigns();

    @Message("제목")
    String title();

    @Message("미리보기 (적용 전 계산)")
    String preview();

    @Message("그룹")
    String group();

    @Message("대상 계정")
    String eligible();

    @Message("이미 적용")
    String already_applied();

    @Message("적용 예정")
    String to_apply();

    @Message("연장 일수 합계")
    String days();

    @Message("지급액 합계")
    String krw();

    @Message("합계")
    String total();

    @Message("적용하기")
    String apply();

    @Message("적용하면 위 미리보기대로 계정마다 한 번씩 적용됩니다. 다시 눌러도 두 번 적용되지 않습니다.")
    String apply_hint();

    @Message("실행 기록")
    String runs();

    @Message("실행")
    String run();

    @Message("진행률")
    String progress();

    @Message("처리")
    String processed();

    @Message("적용")
    String applied();

    @Message("그룹별 적용")
    String per_group();

    @Message("실패한 묶음")
    String failures();

    @Message("실패 없음")
    String no_failures();

    @Message("소요 시간")
    String elapsed();

    @Message("초당 처리")
    String rate();

    @Message("이 페이지는 실행이 끝날 때까지 {seconds}초마다 새로 고쳐집니다.")
    String refreshing(int seconds);

    @Message("{#switch state}{#case 'preparing'}준비 중{#case 'running'}진행 중{#case 'completed'}완료{#case 'completed_with_failures'}완료 (일부 실패){#case 'failed'}실패{#case 'defined'}적용 전{#case 'applied'}적용됨{#case 'rolled_back'}되돌림{#else}{state}{/switch}")
    String run_state(String state);

    @Message("{#switch verdict}{#case 'official'}공식 보상입니다{#case 'not_official'}공식 보상이 아닙니다{#case 'withdrawn'}철회된 보상입니다{#else}확인할 수 없습니다{/switch}")
    String verdict(String verdict);
}
