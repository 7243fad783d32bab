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

    @Message("선착순 마감")
    String all_claimed();

    @Message("상태")
    String state();

    @Message("{#switch status}{#case 'official'}공식{#case 'withdrawn'}철회됨{#case 'rolled_back'}되돌림{#else}{status}{/switch}")
    String public_status(String status);

    @Message("운영 콘솔")
    String console();

    @Message("회사 인증 서버에서 받은 토큰을 붙여 넣으세요. 개발 환경에서는 bin/dev-token compensation-operator 로 만들 수 있습니다.")
    String login_intro();

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

    @Message("스토어 연장 요청")
    String store_requests();

    @Message("{#switch store}{#case 'apple'}앱스토어{#case 'google'}구글 플레이{#else}{store}{/switch}")
    String store_name(String store);

    @Message("대기")
    String store_pending();

    @Message("연장됨")
    String store_extended();

    @Message("대체 보상")
    String store_fallback();

    @Message("최근 오류")
    String store_last_error();

    @Message("스토어가 모든 요청에 답할 때까지 실행은 끝나지 않습니다.")
    String store_run_waits();

    @Message("앱스토어 일괄 연장")
    String apple_mass_extensions();

    @Message("상품")
    String apple_mass_product();

    @Message("상태")
    String apple_mass_state();

    @Message("{#switch state}{#case 'pending'}보내기 전{#case 'sent'}애플 처리 중{#case 'complete'}애플 완료, 결과 확인 중{#case 'settled'}정산 완료{#else}{state}{/switch}")
    String apple_mass_state_name(String state);

    @Message("애플 집계: 연장")
    String apple_mass_succeeded();

    @Message("애플 집계: 실패")
    String apple_mass_failed();

    @Message("소요 시간")
    String elapsed();

    @Message("초당 처리")
    String rate();

    @Message("이 페이지는 실행이 끝날 때까지 {seconds}초마다 새로 고쳐집니다.")
    String refreshing(int seconds);

    @Message("{#switch state}{#case 'preparing'}준비 중{#case 'running'}진행 중{#case 'completed'}완료{#case 'completed_with_failures'}완료 (일부 실패){#case 'failed'}실패{#else}{state}{/switch}")
    String run_state(String state);

    @Message("{#switch verdict}{#case 'official'}공식 보상입니다{#case 'not_official'}공식 보상이 아닙니다{#case 'suspicious'}사기(피싱)로 의심됩니다{#case 'withdrawn'}철회된 보상입니다{#case 'unverified'}보상은 실제이지만, 이 메시지는 저희가 보낸 것이 아닙니다{#case 'altered'}저희가 보낸 안내를 누군가 고쳐 썼습니다{#else}확인할 수 없습니다{/switch}")
    String verdict(String verdict);

    @Message("{#switch verdict}{#case 'official'}아래 공식 보상의 안내문이나 저희가 보낸 안내와 글자 그대로 같습니다. 대상 계정에는 자동으로 지급되므로 따로 신청하거나 정보를 입력할 필요가 없습니다.{#case 'not_official'}이런 내용의 공식 보상은 없습니다. 링크를 누르거나 개인정보를 입력하지 마세요.{#case 'suspicious'}보상을 미끼로 한 사기에서 보이는 특징이 있습니다. 링크를 누르거나, 앱을 설치하거나, 전화하거나, 카드번호·비밀번호·인증번호를 입력하지 마세요.{#case 'withdrawn'}한때 공식 보상이었으나 지금은 철회되었습니다.{#case 'unverified'}설명하는 보상(아래)은 실제 보상이며 대상 계정에 자동으로 지급됩니다. 하지만 이 메시지는 저희가 보내거나 공지한 문구가 아니므로 따르지 마세요. 보상을 받기 위해 링크를 누르거나, 로그인하거나, 정보를 알려 달라고 요구하는 일은 없습니다.{#case 'altered'}이 메시지의 코드는 실제로 보낸 안내의 코드이지만 내용이 바뀌었습니다. 바뀐 부분은 아래와 같습니다. 메시지가 요구하는 대로 하지 마세요. 보상은 대상 계정에 자동으로 지급됩니다.{#else}확인할 수 있는 서비스 이름, 금액, 기간이나 코드가 없습니다. 아래 공식 목록과 비교해 주세요.{/switch}")
    String verdict_explained(String verdict);

    /** A verdict's first word: unlike any other verdict's, so "official" and "not official" never begin alike. */
    @Message("{#switch verdict}{#case 'official'}확인됨{#case 'not_official'}거짓{#case 'suspicious'}위험{#case 'withdrawn'}철회됨{#case 'unverified'}주의{#case 'altered'}변조됨{#else}알 수 없음{/switch}")
    String verdict_word(String verdict);

    /** The icon before it (hidden from screen readers: the word says the same). */
    @Message("{#switch verdict}{#case 'official'}✔{#case 'not_official'}✖{#case 'suspicious'}⚠{#case 'withdrawn'}✖{#case 'unverified'}!{#case 'altered'}✖{#else}?{/switch}")
    String verdict_mark(String verdict);

    @Message("이렇게 하세요")
    String next_steps_title();

    @Message("메시지를 지우고, 보낸 번호나 계정을 차단하세요.")
    String next_step_delete();

    @Message("{#if centre}궁금한 점은 공식 고객센터 {centre}에 문의하세요.{#else}궁금한 점은 앱의 고객센터 메뉴로 문의하세요. 메시지에 적힌 번호로 전화하지 마세요.{/if}")
    String next_step_centre(String centre);

    @Message("스미싱 신고·상담: 118 (한국인터넷진흥원)")
    String next_step_118();

    @Message("돈을 보냈거나 피해가 생겼다면: 112 (경찰)")
    String next_step_112();

    @Message("카드번호를 입력했다면 바로 카드사에 전화해 카드를 정지하세요.")
    String next_step_card();

    @Message("판단 근거")
    String reasons();

    @Message("{#switch state}{#case 'draft'}초안 (비공개){#case 'published'}공개됨 (적용 전){#case 'running'}적용 중{#case 'applied'}적용됨{#case 'rolling_back'}되돌리는 중{#case 'partially_rolled_back'}일부 되돌림 (되돌릴 수 없는 항목 있음){#case 'rolled_back'}되돌림{#case 'withdrawn'}철회됨{#else}{state}{/switch}")
    String campaign_state(String state);

    @Message("공개하기")
    String publish();

    @Message("공개하면 공식 보상 목록에 올라가고 '진짜인가요?' 확인에서 공식 보상으로 인정되며 적용할 수 있게 됩니다. 공개한 뒤에는 수정할 수 없습니다.")
    String publish_hint();

    @Message("정말 공개할까요? 공개 후에는 수정할 수 없습니다.")
    String publish_confirm();

    @Message("철회하기")
    String withdraw();

    @Message("철회 사유")
    String withdraw_reason();

    @Message("철회하면 공식 목록에 '철회됨'으로 표시되고 확인 결과도 '철회된 보상'이 됩니다. 적용된 캠페인은 먼저 되돌려야 합니다.")
    String withdraw_hint();

    @Message("정말 철회할까요?")
    String withdraw_confirm();

    @Message("겹치는 보상")
    String overlap();

    @Message("{#switch policy}{#case 'exclude'}같은 장애·서비스로 다른 캠페인에서 이미 보상받은 대상은 제외합니다.{#else}같은 장애·서비스로 이미 보상받은 대상에게도 추가로 지급합니다 (사유: {reason}).{/switch}")
    String overlap_policy(String policy, String reason);

    @Message("중복 제외")
    String excluded_by_overlap();

    @Message("같은 장애·서비스의 다른 캠페인이 없습니다.")
    String no_overlap();

    @Message("캠페인")
    String campaign();

    @Message("겹치는 대상")
    String overlapping();

    @Message("예시")
    String sample();

    @Message("승인")
    String approvals();

    @Message("공개, 적용, 되돌리기는 두 사람이 합니다: 운영자가 승인을 요청하고, 다른 사람(보상 승인 담당)이 요청 당시의 미리보기를 보고 승인하면, 요청한 운영자가 실행합니다.")
    String approvals_hint();

    @Message("승인 요청 내역이 없습니다.")
    String no_approvals();

    @Message("{#switch action}{#case 'campaign.publish'}공개{#case 'campaign.run'}적용{#case 'campaign.rollback'}되돌리기{#else}{action}{/switch}")
    String approval_action(String action);

    @Message("{#switch state}{#case 'pending'}승인 대기{#case 'approved'}승인됨 (실행 전){#case 'rejected'}거절됨{#case 'voided'}무효 (요청 뒤 변경됨){#case 'used'}실행됨{#case 'expired'}만료됨{#else}{state}{/switch}")
    String approval_state(String state);

    @Message("요청한 사람")
    String requested_by();

    @Message("결정한 사람")
    String decided_by();

    @Message("공개 승인 요청")
    String ask_publish();

    @Message("적용 승인 요청")
    String ask_run();

    @Message("승인")
    String approve();

    @Message("거절")
    String reject();

    @Message("거절 이유")
    String reject_reason();

    @Message("안내 발송")
    String notices();

    @Message("보상을 받은 사람마다 안내 한 건이 쓰이고, 연락처에 따라 문자·카카오톡 또는 이메일로 한 번 보내집니다. 연락처가 없으면 본인 화면에 표시됩니다. 안내에는 확인 코드가 있어 진위 확인 페이지에서 확인할 수 있습니다.")
    String notices_hint();

    @Message("{#switch state}{#case 'queued'}대기{#case 'sending'}보내는 중{#case 'sent'}보냄{#case 'kept'}본인 화면에 표시{#case 'uncertain'}도착 불확실{#case 'failed'}실패{#case 'cancelled'}취소{#else}{state}{/switch}")
    String notice_state(String state);

    @Message("처음 실패한 안내")
    String notice_failures();

    @Message("아직 쓰인 안내가 없습니다. 안내문이 있는 캠페인을 적용하면 쓰입니다.")
    String no_notices();
}
