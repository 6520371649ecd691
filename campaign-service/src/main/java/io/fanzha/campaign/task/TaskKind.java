package io.fanzha.campaign.task;

/**
 * The kinds of task of the seed plans: slogans and posters in public places (社会面宣传), the door-to-door round
 * (入户宣传), messaging groups (反诈微信群), special sessions (专场宣讲), training, and anything else.
 */
public enum TaskKind {
    SOCIAL_FACE, DOOR_TO_DOOR, MESSAGING_GROUPS, SPECIAL_SESSION, TRAINING, OTHER
}
