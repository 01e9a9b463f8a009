package com.chatforyou.domain.model;

/**
 * The rules on who may moderate whom, one method per rule. Coercive actions (mute, stop media, remove)
 * need a host who outranks the target; requests (ask to unmute, lower a hand) need any host; roles are
 * the host's alone.
 */
public final class HostRules {

    private HostRules() {
    }

    /** Only hosts moderate: everyone else gets {@code not-host}. */
    public static void onlyHostsModerate(Participant actor) {
        if (!actor.role().isHost()) {
            throw new ChatException(ErrorCode.NOT_HOST, "Only a host can do that");
        }
    }

    /** A host acts on those they outrank: co-hosts leave the host and each other alone, and nobody acts on themselves. */
    public static void hostsActOnThoseTheyOutrank(Participant actor, Participant target) {
        onlyHostsModerate(actor);
        if (actor.id().equals(target.id())) {
            throw new ChatException(ErrorCode.OUTRANKED, "You cannot do that to yourself");
        }
        if (!actor.role().outranks(target.role())) {
            throw new ChatException(ErrorCode.OUTRANKED,
                    target.displayName().value() + " is a " + target.role().wireName() + " like you or above you");
        }
    }

    /** Only the host makes co-hosts, unmakes them or hands the room over. */
    public static void onlyTheHostAssignsRoles(Participant actor, Participant target) {
        onlyHostsModerate(actor);
        if (actor.role() != Role.HOST) {
            throw new ChatException(ErrorCode.OUTRANKED, "Only the host can change roles");
        }
        if (actor.id().equals(target.id())) {
            throw new ChatException(ErrorCode.OUTRANKED, "You cannot change your own role");
        }
    }
}
