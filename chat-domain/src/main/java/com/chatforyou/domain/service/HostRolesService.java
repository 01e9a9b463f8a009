package com.chatforyou.domain.service;

import com.chatforyou.domain.port.in.AssignRoleUseCase;

/**
 * Roles given by the host: co-hosts, and handing the room over (the host becomes a co-host). The
 * handover when the host leaves is the room's (see {@link com.chatforyou.domain.model.HostHandover}).
 */
public final class HostRolesService implements AssignRoleUseCase {

    private final Callers callers;
    private final Seating seating;

    HostRolesService(Callers callers, Seating seating) {
        this.callers = callers;
        this.seating = seating;
    }

    @Override
    public void assignRole(AssignRoleCommand command) {
        callers.inTheirRoom(command.connection(), command.room(), (room, host) ->
                room.assignRole(host, command.participant(), command.role())
                        .forEach(change -> seating.announce(room, change)));
    }
}
