package io.fanzha.reporting.bulletin;

import java.util.EnumMap;
import java.util.Map;

import io.fanzha.contracts.OutreachKind;

/** The Chinese names the bulletin gives the kinds of outreach; a kind it does not know is shown by its code. */
final class OutreachKindNames {

    private static final Map<OutreachKind, String> NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(OutreachKind.DOOR_TO_DOOR, "入户走访"),
            Map.entry(OutreachKind.LECTURE, "专题宣讲"),
            Map.entry(OutreachKind.POSTER, "张贴海报"),
            Map.entry(OutreachKind.BANNER, "悬挂横幅"),
            Map.entry(OutreachKind.DISPLAY_BOARD, "展板"),
            Map.entry(OutreachKind.LED_SCREEN, "LED屏"),
            Map.entry(OutreachKind.LEAFLET, "发放宣传单"),
            Map.entry(OutreachKind.LETTER, "一封信"),
            Map.entry(OutreachKind.SMS_PUSH, "短信推送"),
            Map.entry(OutreachKind.WECHAT_PUSH, "微信推送"),
            Map.entry(OutreachKind.APP_INSTALL_DRIVE, "推广安装反诈APP"),
            Map.entry(OutreachKind.VIDEO_SCREENING, "播放宣传片"),
            Map.entry(OutreachKind.CLASS_MEETING, "主题班会"),
            Map.entry(OutreachKind.BROADCAST, "广播"),
            Map.entry(OutreachKind.PARCEL_STAMP, "快递反诈提示"),
            Map.entry(OutreachKind.QUIZ, "知识竞答"),
            Map.entry(OutreachKind.WINDOW_DESK_TALK, "窗口提醒"),
            Map.entry(OutreachKind.OTHER, "其他")));

    private OutreachKindNames() {
    }

    static String of(String kind) {
        for (OutreachKind known : OutreachKind.values()) {
            if (known.name().equals(kind)) {
                return NAMES.get(known);
            }
        }
        return kind;
    }
}
