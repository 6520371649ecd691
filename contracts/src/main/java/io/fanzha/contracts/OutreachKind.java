package io.fanzha.contracts;

/**
 * The kinds of outreach the seed documents name (docs/units.md): door-to-door visits, talks, posters, banners, display
 * boards, LED screens, leaflets, letters with returned receipts, SMS and WeChat pushes, app-install drives, video
 * screenings, class meetings, broadcasts, parcel stamps, quizzes, window-desk talks. A fixed list shared by every
 * service: goals and tasks count them, outreach records are of them.
 */
public enum OutreachKind {
    DOOR_TO_DOOR,
    LECTURE,
    POSTER,
    BANNER,
    DISPLAY_BOARD,
    LED_SCREEN,
    LEAFLET,
    LETTER,
    SMS_PUSH,
    WECHAT_PUSH,
    APP_INSTALL_DRIVE,
    VIDEO_SCREENING,
    CLASS_MEETING,
    BROADCAST,
    PARCEL_STAMP,
    QUIZ,
    WINDOW_DESK_TALK,
    OTHER
}
