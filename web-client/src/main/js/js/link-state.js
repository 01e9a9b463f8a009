/**
 * The media links in the room state: which links this browser is an end of (`link-open`,
 * `link-close`), the signals for them (`sdp`, `ice`) and the ICE servers they use. Pure: the effects
 * it returns are carried out by media-links.js.
 */

import { unchanged } from './room-state.js';

/**
 * RTCIceServer entries from the server's list: null username/credential would otherwise become the
 * string "null", and an entry without URLs makes RTCPeerConnection throw.
 */
export function normalizeIceServers(servers) {
  if (!Array.isArray(servers)) return [];
  const result = [];
  for (const server of servers) {
    if (!server) continue;
    const urls = (Array.isArray(server.urls) ? server.urls : [server.urls]).filter(
      url => typeof url === 'string' && url !== '',
    );
    if (urls.length === 0) continue;
    const entry = { urls };
    if (server.username != null) entry.username = server.username;
    if (server.credential != null) entry.credential = server.credential;
    result.push(entry);
  }
  return result;
}

export function closeLinks(links) {
  return links.map(link => ({ type: 'close-link', linkId: link.linkId, publisherId: link.publisherId }));
}

export function openLinks(links) {
  return links.map(link => ({ type: 'open-link', link }));
}

export const LINK_EVENTS = {
  'link-open'(state, e) {
    if (state.phase === 'lobby' || !e.linkId) return unchanged(state);
    const link = {
      linkId: e.linkId,
      publisherId: e.publisherId ?? null,
      peerId: e.peerId ?? null,
      direction: e.direction,
      youOffer: Boolean(e.youOffer),
      polite: Boolean(e.polite),
    };
    const replaced = state.links.filter(l => l.linkId === link.linkId);
    const links = [...state.links.filter(l => l.linkId !== link.linkId), link];
    const effects = closeLinks(replaced);
    // Before `joined` there are no ICE servers yet: the link waits in state until they arrive.
    if (state.iceServers) effects.push(...openLinks([link]));
    return { state: { ...state, links }, effects };
  },

  'link-close'(state, e) {
    const link = state.links.find(l => l.linkId === e.linkId);
    if (!link) return unchanged(state);
    return {
      state: { ...state, links: state.links.filter(l => l !== link) },
      effects: closeLinks([link]),
    };
  },

  sdp(state, e) {
    if (!e.description || !state.links.some(l => l.linkId === e.linkId)) return unchanged(state);
    return { state, effects: [{ type: 'signal', linkId: e.linkId, kind: 'sdp', description: e.description }] };
  },

  ice(state, e) {
    if (!e.candidate || !state.links.some(l => l.linkId === e.linkId)) return unchanged(state);
    return { state, effects: [{ type: 'signal', linkId: e.linkId, kind: 'ice', candidate: e.candidate }] };
  },

  'ice-servers'(state, e) {
    // Renewed credentials: links opened from now on take them from state, open ones are updated.
    if (state.phase !== 'in-room' || !Array.isArray(e.iceServers)) return unchanged(state);
    const iceServers = normalizeIceServers(e.iceServers);
    return { state: { ...state, iceServers }, effects: [{ type: 'update-ice-servers', iceServers }] };
  },
};
