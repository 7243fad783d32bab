package kr.outage.compensation.incident.page;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The status pages' words. Korean is the default (the readers are Korean); English is in
 * {@code messages/msg_en.properties}. Templates use them as {@code {msg:...}}.
 */
@MessageBundle(value = "msg", locale = "ko")
public interface StatusMessages {

    @Message("서비스 장애 현황")
    String status_title();

    @Message("장애가 난 서비스와 기간, 복구 경과를 알려 드립니다. 모든 시각은 한국 표준시(KST)입니다.")
    String status_intro();

    @Message("진행 중인 장애")
    String ongoing();

    @Message("현재 진행 중인 장애가 없습니다.")
    String no_ongoing();

    @Message("지난 장애")
    String past();

    @Message("장애")
    String incident();

    @Message("시작")
    String started();

    @Message("복구")
    String resolved();

    @Message("복구 전")
    String not_resolved();

    @Message("상태")
    String status();

    @Message("심각도")
    String severity();

    @Message("전체 장애 시간")
    String total_impaired();

    @Message("원인")
    String cause();

    @Message("서비스별 장애 시간")
    String impact_by_service();

    @Message("서비스")
    String service();

    @Message("장애 시간")
    String impaired_time();

    @Message("가장 심했던 상태")
    String worst_state();

    @Message("타임라인")
    String timeline();

    @Message("막대는 서비스와 기능이 정상이 아니었던 구간입니다. 시각은 한국 표준시(KST)입니다.")
    String timeline_hint();

    @Message("모든 플랫폼")
    String all_platforms();

    @Message("업데이트")
    String updates();

    @Message("정정됨")
    String superseded();

    @Message("철회됨")
    String retracted();

    @Message("정정")
    String correction();

    @Message("이전")
    String previous();

    @Message("다음")
    String next();

    @Message("{from}–{to} / 전체 {total}건")
    String range(int from, int to, int total);

    @Message("전체 목록")
    String back_to_list();

    @Message("진행 중")
    String ongoing_now();

    @Message("English")
    String other_language();

    @Message("{#switch platform}{#case 'mobile'}모바일{#case 'web'}웹{#case 'pc'}PC{#else}{platform}{/switch}")
    String platform(String platform);

    /**
     * A function's name for readers. Functions are keys the commander declares per incident; the ones
     * the suite's incidents use have names here, any other is shown as its key.
     */
    @Message("{#switch function}{#case 'messaging'}메시지{#case 'read_send'}메시지 읽기·보내기{#case 'login'}로그인"
            + "{#case 'media_transfer'}사진·동영상 전송{#case 'attachments'}파일 첨부{#case 'talk_drawer'}톡서랍"
            + "{#case 'remittance_certificates'}송금·인증서{#case 'payments'}결제{#case 'search'}검색"
            + "{#case 'streaming'}스트리밍{#case 'charts'}차트{#case 'navigation'}길 안내{#case 'taxi_hailing'}택시 호출"
            + "{#case 'support_mail'}고객센터 메일{#case 'bigdata'}빅데이터 분석{#else}{function}{/switch}")
    String function(String function);

    @Message("{#switch state}{#case 'operational'}정상{#case 'degraded'}느려짐{#case 'partial_outage'}부분 장애"
            + "{#case 'major_outage'}전면 장애{#else}{state}{/switch}")
    String state(String state);

    @Message("{#switch status}{#case 'investigating'}원인 조사 중{#case 'identified'}원인 확인{#case 'monitoring'}복구 확인 중"
            + "{#case 'resolved'}복구 완료{#else}{status}{/switch}")
    String incident_status(String status);

    @Message("{#switch severity}{#case 'minor'}경미{#case 'major'}중대{#case 'critical'}심각{#else}{severity}{/switch}")
    String incident_severity(String severity);
}
