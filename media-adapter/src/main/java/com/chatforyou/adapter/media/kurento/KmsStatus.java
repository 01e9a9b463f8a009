package com.chatforyou.adapter.media.kurento;

/**
 * What the adapter knows about its Kurento Media Server, for health checks.
 *
 * @param up        connected and the last request was answered in time
 * @param url       the KMS address
 * @param state     {@code connecting}, {@code connected}, {@code reconnecting}, {@code down} or {@code closed}
 * @param sessionId KMS's session id, or null before the first one
 * @param detail    the reason when not up, for operators
 */
public record KmsStatus(boolean up, String url, String state, String sessionId, String detail) {
}
