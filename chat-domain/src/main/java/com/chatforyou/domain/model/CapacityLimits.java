package com.chatforyou.domain.model;

/** What a media backend can carry per room: the default offered to creators and the hard maximum. */
public record CapacityLimits(int defaultCapacity, int maximum) {
    public static final int MINIMUM = 2;

    public CapacityLimits {
        if (defaultCapacity < MINIMUM || maximum < defaultCapacity) {
            throw new IllegalArgumentException("need " + MINIMUM + " <= default <= maximum");
        }
    }

    /** The requested capacity, or the default when none was asked for. */
    public Capacity capacityFor(Integer requested) {
        int value = requested == null ? defaultCapacity : requested;
        if (value < MINIMUM || value > maximum) {
            throw new ChatException(ErrorCode.INVALID_CAPACITY,
                    "Capacity must be between " + MINIMUM + " and " + maximum);
        }
        return new Capacity(value);
    }
}
