package kr.outage.compensation.payout.page;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The console's words: Korean by default, English in {@code messages/msg_en.properties}. */
@MessageBundle(value = "msg", locale = "ko")
public interface PageMessages {

    @Message("소상공인 지원 콘솔")
    String console();

    @Message("회사 인증 서버에서 받은 토큰을 붙여 넣으세요. 개발 환경에서는 bin/dev-token claims-reviewer 로 만들 수 있습니다.")
    String login_intro();

    @Message("심사 대기 목록")
    String queue();

    @Message("지급 배치")
    String batches();

    @Message("지원 프로그램")
    String program();

    @Message("보기")
    String show();

    @Message("심사를 기다리는 신청 {count}건")
    String waiting(long count);

    @Message("심사를 기다리는 신청이 없습니다.")
    String none_waiting();

    @Message("사업자")
    String business();

    @Message("사업자등록번호")
    String brn();

    @Message("업종")
    String category();

    @Message("서비스")
    String service();

    @Message("신고 손실")
    String reported();

    @Message("산정 손실")
    String assessed();

    @Message("상태")
    String state();

    @Message("접수")
    String filed();

    @Message("신청 내용")
    String claim();

    @Message("손실 근거")
    String basis();

    @Message("지급 계좌")
    String bank_account();

    @Message("증빙")
    String evidence();

    @Message("증빙 없음")
    String no_evidence();

    @Message("부족한 증빙")
    String missing_evidence();

    @Message("손실 산정")
    String assessment();

    @Message("산정 기준")
    String based_on();

    @Message("장애 시간")
    String impaired();

    @Message("타당성 상한")
    String plausible_cap();

    @Message("지원 구간")
    String tier();

    @Message("지원금")
    String support();

    @Message("산식")
    String formula();

    @Message("위원회 심사 필요")
    String needs_review();

    @Message("추천 금액")
    String recommended_amount();

    @Message("추천한 사람")
    String recommended_by();

    @Message("승인 금액")
    String approved_amount();

    @Message("승인한 사람")
    String approved_by();

    @Message("결정 기록")
    String decisions();

    @Message("결정")
    String decision();

    @Message("금액 (원)")
    String amount();

    @Message("사유")
    String reason();

    @Message("요청할 증빙 (쉼표로 구분)")
    String evidence_types();

    @Message("결정 저장")
    String submit();

    @Message("추천한 사람은 같은 신청을 승인할 수 없습니다 (두 사람 확인 원칙). 승인은 다른 심사위원이 합니다.")
    String four_eyes();

    @Message("저장되었습니다: {decision}")
    String saved(String decision);

    @Message("누가")
    String principal();

    @Message("언제")
    String when();

    @Message("{#switch d}{#case 'recommend'}추천{#case 'approve'}승인{#case 'reject'}반려{#case 'request_evidence'}증빙 요청"
            + "{#case 'evidence_added'}증빙 제출{#case 'approved_within_budget'}예산 증액 후 승인{#case 'payment_failed'}이체 실패"
            + "{#case 'payment_deferred'}이체 재시도 예정 (일시 장애){#case 'payment_returned'}지급 후 반환됨"
            + "{#case 'bank_account_corrected'}계좌 정정{#case 'objection_filed'}이의신청 접수{#case 'objection_recommended'}이의신청 추천"
            + "{#case 'objection_decided'}이의신청 결정{#case 'decide'}결정{#else}{d}{/switch}")
    String decision_name(String d);

    @Message("이의신청")
    String objections();

    @Message("답변을 기다리는 이의신청이 없습니다.")
    String no_objections();

    @Message("이의신청")
    String objection();

    @Message("{#switch s}{#case 'filed'}접수 (추천 대기){#case 'recommended'}추천됨 (결정 대기){#case 'decided'}결정됨{#else}{s}{/switch}")
    String objection_state_name(String s);

    @Message("이의 대상 결정")
    String objected();

    @Message("결정 금액")
    String amount_before();

    @Message("추천")
    String recommendation();

    @Message("결과")
    String outcome();

    @Message("{#switch o}{#case 'decision_upheld'}원결정 유지{#case 'amended'}금액 변경{#else}{o}{/switch}")
    String outcome_name(String o);

    @Message("단계")
    String objection_step();

    @Message("추천(심사위원)과 결정(지급 승인자)은 서로 다른 사람이 합니다. 변경 금액은 원결정보다 커야 하며, 차액은 다음 지급 회차에 추가로 지급됩니다.")
    String objection_rule();

    @Message("{#switch s}{#case 'evidence_requested'}증빙 요청됨{#case 'awaiting_review'}심사 대기{#case 'recommended'}추천됨 (승인 대기)"
            + "{#case 'awaiting_budget'}예산 대기{#case 'approved'}승인{#case 'rejected'}반려{#case 'in_payment'}지급 중{#case 'payment_failed'}이체 실패 (계좌 확인 필요){#case 'paid'}지급 완료{#else}{s}{/switch}")
    String claim_state(String s);

    @Message("만든 시각")
    String created();

    @Message("건수")
    String items();

    @Message("총액")
    String total();

    @Message("지급 완료")
    String paid();

    @Message("지급 대기")
    String pending();

    @Message("지급 실패")
    String failed();

    @Message("지급 후 반환")
    String returned();

    @Message("정산 시각")
    String settled();

    @Message("이체 파일")
    String transfer_file();

    @Message("CSV 내려받기")
    String download();

    @Message("지급 배치가 아직 없습니다.")
    String no_batches();

    @Message("{#switch s}{#case 'open'}정산 전{#case 'settled'}정산 완료{#else}{s}{/switch}")
    String batch_state(String s);

    @Message("다운로드 승인 요청")
    String ask_release();

    @Message("다른 승인자의 승인을 기다리는 중")
    String release_waiting();

    @Message("다운로드 승인")
    String approve_release();
}
