package com.chatforyou.domain.model;

import java.util.List;

/** What a participant's leaving changed in the room besides their seat. */
public record Departure(List<MediaLink> closedLinks, boolean handLowered, List<RoleChange> roleChanges) {
}
