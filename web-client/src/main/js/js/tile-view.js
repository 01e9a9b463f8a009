/**
 * The video tiles: the own preview (the #self-tile in index.html) and one tile per other
 * participant, with the tracks received from them and who is speaking.
 */

import { applyMediaFlags, element, initialOf } from './dom.js';

/**
 * A tile for another participant. Returns its parts so the view can update them without queries.
 * The video element also plays the audio, which is why it stays in place under the placeholder.
 */
export function buildTile(doc, participant) {
  const root = element(doc, 'div', {
    className: 'tile',
    attrs: { 'data-participant-id': participant.participantId, 'data-has-video': 'false' },
  });
  const video = element(doc, 'video', {
    className: 'tile-media',
    attrs: { autoplay: '', playsinline: '' },
  });
  video.autoplay = true;
  video.playsInline = true;
  const placeholder = element(doc, 'div', { className: 'tile-placeholder', attrs: { 'aria-hidden': 'true' } });
  const avatar = element(doc, 'span', { className: 'tile-avatar', text: initialOf(participant.displayName) });
  const placeholderName = element(doc, 'span', { className: 'tile-placeholder-name', text: participant.displayName });
  placeholder.append(avatar, placeholderName);
  const label = element(doc, 'div', { className: 'tile-label' });
  const name = element(doc, 'span', { className: 'tile-name', text: participant.displayName });
  const status = element(doc, 'span', { className: 'tile-status', attrs: { 'aria-hidden': 'true' } });
  label.append(name, status);
  root.append(video, placeholder, label);
  const parts = { root, video, avatar, placeholderName, name, tracks: [] };
  updateTile(parts, participant);
  return parts;
}

export function updateTile(parts, participant) {
  if (parts.name.textContent !== participant.displayName) {
    parts.name.textContent = participant.displayName;
    parts.placeholderName.textContent = participant.displayName;
    parts.avatar.textContent = initialOf(participant.displayName);
  }
  applyMediaFlags(parts.root, participant);
}

/**
 * Puts exactly these tracks into the tile's video element. A fresh MediaStream is assigned whenever
 * the set changes, because not every browser renders a track added to a stream that is already
 * playing.
 */
export function applyTracks(parts, tracks, createStream) {
  const live = tracks.filter(track => track.readyState !== 'ended');
  const same = live.length === parts.tracks.length && live.every(track => parts.tracks.includes(track));
  const hasVideo = live.some(track => track.kind === 'video');
  parts.root.setAttribute('data-has-video', hasVideo ? 'true' : 'false');
  if (same) return;
  parts.tracks = live;
  parts.video.srcObject = live.length > 0 ? createStream(live) : null;
  if (live.length > 0) parts.video.play?.()?.catch?.(() => {}); // autoplay may be refused; the attribute retries
}

export class TilesView {
  /**
   * @param {object} options
   * @param {Document} options.doc
   * @param {{tiles: HTMLElement, selfTile: HTMLElement, selfName: HTMLElement, selfPlaceholderName: HTMLElement,
   *   selfAvatar: HTMLElement, localVideo: HTMLVideoElement}} options.elements
   * @param {(tracks: MediaStreamTrack[]) => MediaStream} options.createStream
   */
  constructor({ doc, elements, createStream }) {
    this.doc = doc;
    this.el = elements;
    this.createStream = createStream;
    /** participantId -> tile parts */
    this.tiles = new Map();
    /** publisherId -> tracks, kept even before the tile exists */
    this.remoteTracks = new Map();
    /** participantId (or 'self') -> speaking, kept for tiles created later */
    this.speaking = new Map();
  }

  /** The own tile's name and avatar. */
  renderSelf(self) {
    const e = this.el;
    e.selfName.textContent = `${self.displayName} (you)`;
    e.selfPlaceholderName.textContent = self.displayName;
    e.selfAvatar.textContent = initialOf(self.displayName);
  }

  /** One tile per other participant, in order of arrival, after the own tile. */
  render(participants) {
    const present = new Set(participants.map(p => p.participantId));
    for (const [id, tile] of this.tiles) {
      if (present.has(id)) continue;
      tile.video.srcObject = null;
      tile.root.remove();
      this.tiles.delete(id);
      this.remoteTracks.delete(id);
    }
    for (const participant of participants) {
      let tile = this.tiles.get(participant.participantId);
      if (tile) {
        updateTile(tile, participant);
        continue;
      }
      tile = buildTile(this.doc, participant);
      tile.root.setAttribute('data-speaking', this.speaking.has(participant.participantId) ? 'true' : 'false');
      this.tiles.set(participant.participantId, tile);
      this.el.tiles.append(tile.root);
      applyTracks(tile, this.remoteTracks.get(participant.participantId) ?? [], this.createStream);
    }
    this.el.tiles.setAttribute('data-count', String(participants.length + 1));
  }

  /** The own preview: what the others see, never with the own microphone played back. */
  setLocalMedia(local) {
    const video = this.el.localVideo;
    video.muted = true;
    // While sharing, the own tile previews what the others see: the screen.
    const shown = local?.screenStream ?? local?.stream ?? null;
    if (video.srcObject !== shown) {
      video.srcObject = shown;
      if (shown) video.play?.()?.catch?.(() => {});
    }
  }

  /** The own tile's media marks, from in-call-controls.js's local media (or null). */
  renderLocal(local) {
    const tile = this.el.selfTile;
    const sendsVideo = Boolean(local?.stream && local.stream.getVideoTracks().length > 0);
    tile.setAttribute('data-has-video', (sendsVideo && !local.videoMuted) || local?.sharing ? 'true' : 'false');
    tile.setAttribute('data-audio-muted', local?.audioMuted ? 'true' : 'false');
    tile.setAttribute('data-video-muted', local?.videoMuted ? 'true' : 'false');
    tile.setAttribute('data-sharing', local?.sharing ? 'true' : 'false');
  }

  setRemoteTracks(publisherId, tracks) {
    if (tracks.length === 0) this.remoteTracks.delete(publisherId);
    else this.remoteTracks.set(publisherId, tracks);
    const tile = this.tiles.get(publisherId);
    if (tile) applyTracks(tile, tracks, this.createStream);
  }

  /** Highlights the tile of a participant ('self' for the own tile) while they speak. */
  setSpeaking(participantId, speaking) {
    if (speaking) this.speaking.set(participantId, true);
    else this.speaking.delete(participantId);
    const root = participantId === 'self' ? this.el.selfTile : this.tiles.get(participantId)?.root;
    root?.setAttribute('data-speaking', speaking ? 'true' : 'false');
  }

  clear() {
    for (const tile of this.tiles.values()) {
      tile.video.srcObject = null;
      tile.root.remove();
    }
    this.tiles.clear();
    this.remoteTracks.clear();
    this.speaking.clear();
  }
}
