package com.chatforyou.domain.model;

public record Capacity(int value) {
    public Capacity {
        if (value < CapacityLimits.MINIMUM) {
            throw new IllegalArgumentException("capacity below minimum: " + value);
        }
    }
}
