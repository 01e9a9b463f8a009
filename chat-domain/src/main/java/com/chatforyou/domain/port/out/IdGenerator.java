package com.chatforyou.domain.port.out;

/** Issues the server's ids for rooms, participants, links and messages; ids are never reused. */
@FunctionalInterface
public interface IdGenerator {

    String newId();
}
