package com.chatforyou.domain.model;

import java.util.Optional;

/** A participant's new role; {@code by} is empty when the room handed it over on a host's leave. */
public record RoleChange(Participant participant, Optional<ParticipantId> by) {
}
