package io.fanzha.campaign.goal;

/**
 * What a goal measures: fraud cases or losses against the same period last year ("两降"), household coverage
 * (入户宣传率) by a deadline, or a count of outreach of given kinds (12 special sessions in 2024).
 */
public enum GoalMetric {
    CASES, LOSS, COVERAGE, ACTIVITY_COUNT
}
