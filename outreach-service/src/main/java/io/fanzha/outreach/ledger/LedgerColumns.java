package io.fanzha.outreach.ledger;

import java.util.List;

/** The ledger's columns (台账), headed in Chinese and English, in the order of {@link LedgerQuery}'s select. */
final class LedgerColumns {

    static final List<String> HEADERS = List.of(
            "记录编号 Record", "类型 Kind", "时间(北京时间) Occurred at (China time)", "区域代码 Region code",
            "区域 Region", "单位 Unit", "活动 Campaign", "任务 Task", "宣传对象 Target group", "受教育人数 People reached",
            "入户数 Households reached", "资料份数 Materials", "安装反诈APP App installs", "回执数 Receipts returned",
            "答疑数 Questions answered", "户编号 Household", "签署告知单 Notice signed", "工作人员 Worker",
            "审核状态 Review", "审核意见 Review comment", "作废 Voided", "作废原因 Void reason", "备注 Note",
            "版本 Version", "记录链接 Record link", "佐证材料 Evidence files", "缺少材料 Evidence missing",
            "疑似造假 Evidence flags");

    private LedgerColumns() {
    }
}
