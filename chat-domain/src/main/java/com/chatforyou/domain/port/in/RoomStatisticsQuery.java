package com.chatforyou.domain.port.in;

/** What the server holds right now, for operators' metrics. */
public interface RoomStatisticsQuery {

    RoomStatistics roomStatistics();

    /**
     * @param liveRooms              rooms that exist, empty or not
     * @param seatedParticipants     seats taken, including seats kept for a reconnect
     * @param mediaLinks             media links open in all rooms
     * @param seatsAwaitingReconnect seats whose connection was lost and that wait for a resume or their release
     */
    record RoomStatistics(int liveRooms, int seatedParticipants, int mediaLinks, int seatsAwaitingReconnect) {
    }
}
