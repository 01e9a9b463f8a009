package com.chatforyou.domain.model;

/** What travels on a link during negotiation: a session description or a trickled candidate. */
public sealed interface MediaSignal permits SessionDescription, IceCandidate {
}
