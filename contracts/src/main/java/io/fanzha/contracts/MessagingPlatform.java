package io.fanzha.contracts;

/** Where an anti-fraud messaging group (反诈群) lives. */
public enum MessagingPlatform {
    WECHAT,
    QQ,
    DINGTALK,
    OTHER
}
