/**
 * The video tiles: the own preview (the #self-tile in index.html), one camera tile per other
 * participant, and one screen tile per screen being shared, each with its tracks, its media state as
 * text badges, who is speaking, its connection quality and a tile menu. Where the tiles go is
 * call-layout-view.js's job; this module only builds and updates them.
 *
 * Tile keys: 'self', 'self:screen', '<participantId>', '<participantId>:screen'.
 */

import { applyMediaFlags, element, initialOf } from './dom.js';
import { icon } from './icons.js';
import { describeFigures, levelText } from './link-stats.js';

export const screenKey = key => `${key}:screen`;

/**
 * The media state of a participant as badges, each an icon with its text: what a screen reader reads
 * and what a colour-blind user sees. Pure.
 * @returns {{kind: string, icon: string, text: string}[]}
 */
export function statusBadges(p, { speaking = false } = {}) {
  const badges = [];
  if (!p.sendsAudio && !p.sendsVideo) badges.push({ kind: 'listening', icon: 'mic-off', text: 'Listening only' });
  else {
    if (!p.sendsAudio) badges.push({ kind: 'muted', icon: 'mic-off', text: 'No microphone' });
    else if (p.audioMuted) badges.push({ kind: 'muted', icon: 'mic-off', text: 'Muted' });
    if (p.sendsVideo && p.videoMuted) badges.push({ kind: 'camera-off', icon: 'camera-off', text: 'Camera off' });
  }
  if (p.sharing) badges.push({ kind: 'sharing', icon: 'screen', text: 'Sharing screen' });
  if (speaking && p.sendsAudio && !p.audioMuted) badges.push({ kind: 'speaking', icon: 'mic', text: 'Speaking' });
  return badges;
}

/** Puts the badges into a status node, rebuilding only when they changed. */
export function renderBadges(doc, node, badges) {
  const signature = badges.map(b => b.kind + b.text).join('|');
  if (node.getAttribute('data-badges') === signature) return;
  node.setAttribute('data-badges', signature);
  node.replaceChildren(...badges.map(badge => {
    const span = element(doc, 'span', { className: `badge badge-${badge.kind}` });
    span.append(icon(doc, badge.icon), element(doc, 'span', { className: 'badge-text', text: badge.text }));
    return span;
  }));
}

/** The quality indicator: three bars, its level as text for screen readers, the figures as tooltip. */
function buildQuality(doc) {
  const root = element(doc, 'span', { className: 'tile-quality', attrs: { role: 'img', 'data-level': 'unknown', hidden: '' } });
  root.hidden = true;
  root.append(element(doc, 'span'), element(doc, 'span'), element(doc, 'span'));
  return root;
}

export function applyQuality(node, quality) {
  if (!quality) {
    node.hidden = true;
    node.setAttribute('data-level', 'unknown');
    return;
  }
  const text = `${levelText(quality.level)}: ${describeFigures(quality.figures)}`;
  node.hidden = false;
  node.setAttribute('data-level', quality.level);
  node.setAttribute('aria-label', text);
  node.setAttribute('title', text);
}

/**
 * The tile menu: a button that opens a list of actions for this tile. `actions` is shared by every
 * tile and may grow (e.g. host controls): {id, label(tile), available?(tile), run(tile)}.
 */
function buildMenu(doc, tile, actions) {
  const button = element(doc, 'button', {
    className: 'tile-menu-button',
    attrs: { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false' },
  });
  button.setAttribute('aria-label', `Options for ${tile.label()}`);
  button.setAttribute('title', 'Options');
  button.append(icon(doc, 'more'));
  const menu = element(doc, 'ul', { className: 'tile-menu', attrs: { role: 'menu' } });
  menu.hidden = true;
  const close = () => {
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  };
  const open = () => {
    const available = actions.filter(action => action.available?.(tile.info()) ?? true);
    menu.replaceChildren(...available.map(action => {
      const item = element(doc, 'li', { attrs: { role: 'none' } });
      const run = element(doc, 'button', {
        text: action.label(tile.info()),
        attrs: { type: 'button', role: 'menuitem', 'data-action': action.id },
      });
      run.addEventListener('click', () => {
        close();
        action.run(tile.info());
      });
      item.append(run);
      return item;
    }));
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    menu.children[0]?.children[0]?.focus?.();
  };
  button.addEventListener('click', () => (menu.hidden ? open() : close()));
  menu.addEventListener('keydown', event => {
    if (event.key === 'Escape') {
      close();
      button.focus?.();
    }
  });
  return { button, menu, close };
}

/** The parts a camera or screen tile is updated through. */
function tileParts(doc, { key, participantId, kind, root, video, avatar, placeholderName, name, status, actions }) {
  const quality = buildQuality(doc);
  root.setAttribute('data-tile-key', key);
  root.setAttribute('data-kind', kind);
  root.setAttribute('role', 'group');
  const parts = { key, participantId, kind, root, video, avatar, placeholderName, name, status, quality, tracks: [], pinned: false };
  const tile = {
    label: () => parts.name.textContent || 'this tile',
    info: () => ({ key, participantId, kind, pinned: parts.pinned, root }),
  };
  parts.menu = buildMenu(doc, tile, actions);
  root.append(quality, parts.menu.button, parts.menu.menu);
  return parts;
}

/**
 * A tile for another participant's camera (kind 'camera') or a shared screen (kind 'screen').
 * The video element also plays the audio, which is why it stays in place under the placeholder.
 */
export function buildTile(doc, participant, { kind = 'camera', actions = [] } = {}) {
  const key = kind === 'screen' ? screenKey(participant.participantId) : participant.participantId;
  const root = element(doc, 'div', {
    className: 'tile',
    attrs: { 'data-participant-id': participant.participantId, 'data-has-video': 'false' },
  });
  const video = element(doc, 'video', { className: 'tile-media', attrs: { autoplay: '', playsinline: '' } });
  video.autoplay = true;
  video.playsInline = true;
  // A screen tile carries no audio: the camera tile plays it.
  if (kind === 'screen') {
    video.muted = true;
    video.setAttribute('muted', '');
  }
  const placeholder = element(doc, 'div', { className: 'tile-placeholder', attrs: { 'aria-hidden': 'true' } });
  const avatar = element(doc, 'span', { className: 'tile-avatar', text: initialOf(participant.displayName) });
  const placeholderName = element(doc, 'span', { className: 'tile-placeholder-name', text: participant.displayName });
  placeholder.append(avatar, placeholderName);
  const label = element(doc, 'div', { className: 'tile-label' });
  const name = element(doc, 'span', { className: 'tile-name' });
  const status = element(doc, 'span', { className: 'tile-status' });
  label.append(name, status);
  root.append(video, placeholder, label);
  const parts = tileParts(doc, { key, participantId: participant.participantId, kind, root, video, avatar, placeholderName, name, status, actions });
  updateTile(doc, parts, participant);
  return parts;
}

export function tileName(participant, kind) {
  return kind === 'screen' ? `${participant.displayName} (screen)` : participant.displayName;
}

export function updateTile(doc, parts, participant, { speaking = false } = {}) {
  const name = tileName(participant, parts.kind);
  if (parts.name.textContent !== name) {
    parts.name.textContent = name;
    parts.placeholderName.textContent = participant.displayName;
    parts.avatar.textContent = initialOf(participant.displayName);
    parts.root.setAttribute('aria-label', name);
    parts.menu.button.setAttribute('aria-label', `Options for ${name}`);
  }
  if (parts.kind === 'screen') {
    renderBadges(doc, parts.status, [{ kind: 'sharing', icon: 'screen', text: 'Presenting' }]);
    return;
  }
  applyMediaFlags(parts.root, participant);
  renderBadges(doc, parts.status, statusBadges(participant, { speaking }));
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
   * @param {{strip: HTMLElement, selfTile: HTMLElement, selfName: HTMLElement, selfStatus: HTMLElement,
   *   selfPlaceholderName: HTMLElement, selfAvatar: HTMLElement, localVideo: HTMLVideoElement}} options.elements
   * @param {(tracks: MediaStreamTrack[]) => MediaStream} options.createStream
   * @param {object[]} [options.tileActions] the tile menu's actions (see buildMenu)
   * @param {() => void} [options.onTilesChanged] after tiles came or went (the layout follows)
   */
  constructor({ doc, elements, createStream, tileActions = [], onTilesChanged = () => {} }) {
    this.doc = doc;
    this.el = elements;
    this.createStream = createStream;
    this.tileActions = tileActions;
    this.onTilesChanged = onTilesChanged;
    /** tile key -> parts, for every tile but the own camera tile */
    this.tiles = new Map();
    /** publisherId -> {camera: tracks, screen: tracks}, kept even before the tile exists */
    this.remoteTracks = new Map();
    /** tile key (or participant id, 'self') -> speaking */
    this.speaking = new Map();
    /** key -> quality, kept for tiles created later */
    this.quality = new Map();
    /** participantId -> participant, as last rendered */
    this.participants = new Map();
    this.selfParticipant = null;
    this.local = null;
    /** Screen tile keys in the order the shares started: the newest takes the stage. */
    this.screenOrder = [];
    /** The speaker chosen for every tile's audio (setSinkId), or null for the default. */
    this.sinkId = null;
    const e = elements;
    this.selfParts = tileParts(doc, {
      key: 'self', participantId: 'self', kind: 'camera', root: e.selfTile, video: e.localVideo,
      avatar: e.selfAvatar, placeholderName: e.selfPlaceholderName, name: e.selfName,
      status: e.selfStatus ?? element(doc, 'span'), actions: tileActions,
    });
  }

  /** The own tile's name and avatar. */
  renderSelf(self) {
    const e = this.el;
    this.selfParticipant = self;
    const name = `${self.displayName} (you)`;
    if (e.selfName.textContent !== name) {
      e.selfName.textContent = name;
      e.selfTile.setAttribute('aria-label', name);
      this.selfParts.menu.button.setAttribute('aria-label', `Options for ${name}`);
    }
    e.selfPlaceholderName.textContent = self.displayName;
    e.selfAvatar.textContent = initialOf(self.displayName);
    this.#renderSelfBadges();
  }

  /** One camera tile per other participant, in order of arrival, and a screen tile per share. */
  render(participants) {
    const before = this.keys().join();
    this.participants = new Map(participants.map(p => [p.participantId, p]));
    for (const [key, tile] of this.tiles) {
      if (tile.participantId === 'self') continue;
      if (this.participants.has(tile.participantId)) continue;
      this.#remove(key);
      this.remoteTracks.delete(tile.participantId);
    }
    for (const participant of participants) {
      const id = participant.participantId;
      let tile = this.tiles.get(id);
      if (tile) updateTile(this.doc, tile, participant, { speaking: this.speaking.has(id) });
      else {
        tile = this.#add(id, buildTile(this.doc, participant, { actions: this.tileActions }));
        tile.root.setAttribute('data-speaking', this.speaking.has(id) ? 'true' : 'false');
        updateTile(this.doc, tile, participant, { speaking: this.speaking.has(id) });
        applyTracks(tile, this.remoteTracks.get(id)?.camera ?? [], this.createStream);
      }
      this.#syncScreen(participant);
    }
    if (this.keys().join() !== before) this.onTilesChanged();
  }

  /** The own preview (never with the own microphone played back), and the own screen while sharing. */
  setLocalMedia(local) {
    this.local = local;
    const video = this.el.localVideo;
    video.muted = true;
    const shown = local?.stream ?? null;
    if (video.srcObject !== shown) {
      video.srcObject = shown;
      if (shown) video.play?.()?.catch?.(() => {});
    }
    const before = this.keys().join();
    const screen = local?.sharing ? local.screenStream ?? null : null;
    const key = screenKey('self');
    if (screen) {
      let tile = this.tiles.get(key);
      if (!tile) {
        tile = this.#add(key, buildTile(this.doc, { participantId: 'self', displayName: this.#selfName() }, { kind: 'screen', actions: this.tileActions }));
        tile.root.classList.add('self');
      }
      if (tile.video.srcObject !== screen) {
        tile.video.srcObject = screen;
        tile.video.play?.()?.catch?.(() => {});
      }
      tile.root.setAttribute('data-has-video', 'true');
    } else if (this.tiles.has(key)) this.#remove(key);
    if (this.keys().join() !== before) this.onTilesChanged();
  }

  /** The own tile's media marks, from in-call-controls.js's local media (or null). */
  renderLocal(local) {
    const tile = this.el.selfTile;
    const sendsVideo = Boolean(local?.stream && local.stream.getVideoTracks().length > 0);
    tile.setAttribute('data-has-video', sendsVideo && !local.videoMuted ? 'true' : 'false');
    tile.setAttribute('data-audio-muted', local?.audioMuted ? 'true' : 'false');
    tile.setAttribute('data-video-muted', local?.videoMuted ? 'true' : 'false');
    tile.setAttribute('data-sharing', local?.sharing ? 'true' : 'false');
    this.#renderSelfBadges();
  }

  /**
   * What this tab receives from one publisher: the camera and microphone tracks, and the screen
   * tracks of a share (media-links.js tells them apart by stream).
   */
  setRemoteTracks(publisherId, tracks, screenTracks = []) {
    const camera = tracks.filter(t => !screenTracks.includes(t));
    if (camera.length === 0 && screenTracks.length === 0) this.remoteTracks.delete(publisherId);
    else this.remoteTracks.set(publisherId, { camera, screen: screenTracks });
    const tile = this.tiles.get(publisherId);
    if (tile) applyTracks(tile, camera, this.createStream);
    const participant = this.participants.get(publisherId);
    if (participant) {
      const before = this.keys().join();
      this.#syncScreen(participant);
      if (this.keys().join() !== before) this.onTilesChanged();
    }
  }

  /** Marks the tile of a participant ('self' for the own tile) while they speak. */
  setSpeaking(participantId, speaking) {
    if (speaking) this.speaking.set(participantId, true);
    else this.speaking.delete(participantId);
    if (participantId === 'self') {
      this.el.selfTile.setAttribute('data-speaking', speaking ? 'true' : 'false');
      this.#renderSelfBadges();
      return;
    }
    const tile = this.tiles.get(participantId);
    if (!tile) return;
    tile.root.setAttribute('data-speaking', speaking ? 'true' : 'false');
    const participant = this.participants.get(participantId);
    if (participant) updateTile(this.doc, tile, participant, { speaking });
  }

  /** Connection quality on a participant's tiles ('self': the own uplink), or null to hide it. */
  setQuality(key, quality) {
    if (quality) this.quality.set(key, quality);
    else this.quality.delete(key);
    const parts = key === 'self' ? this.selfParts : this.tiles.get(key);
    if (parts) applyQuality(parts.quality, quality);
  }

  /** The tile keys in display order: oneself first, then everyone in order of arrival, screens after. */
  keys() {
    const keys = ['self'];
    for (const id of this.participants.keys()) if (this.tiles.has(id)) keys.push(id);
    for (const key of this.screenOrder) if (this.tiles.has(key)) keys.push(key);
    return keys;
  }

  /** Screen tile keys, oldest share first. */
  screens() {
    return this.screenOrder.filter(key => this.tiles.has(key));
  }

  /** The root element of a tile. */
  rootOf(key) {
    return key === 'self' ? this.el.selfTile : this.tiles.get(key)?.root ?? null;
  }

  /** Plays every participant's audio on this output device (where setSinkId exists). */
  setSpeakerDevice(deviceId) {
    this.sinkId = deviceId || null;
    for (const tile of this.tiles.values()) this.#applySink(tile.video);
  }

  setPinned(key) {
    for (const parts of [this.selfParts, ...this.tiles.values()]) {
      parts.pinned = parts.key === key;
      parts.root.setAttribute('data-pinned', parts.pinned ? 'true' : 'false');
    }
  }

  clear() {
    for (const key of [...this.tiles.keys()]) this.#remove(key);
    this.tiles.clear();
    this.remoteTracks.clear();
    this.speaking.clear();
    this.quality.clear();
    this.participants.clear();
    this.screenOrder = [];
    applyQuality(this.selfParts.quality, null);
  }

  #syncScreen(participant) {
    const key = screenKey(participant.participantId);
    const screen = this.remoteTracks.get(participant.participantId)?.screen ?? [];
    const live = screen.filter(t => t.readyState !== 'ended');
    let tile = this.tiles.get(key);
    if (live.length === 0) {
      if (tile) this.#remove(key);
      return;
    }
    if (!tile) tile = this.#add(key, buildTile(this.doc, participant, { kind: 'screen', actions: this.tileActions }));
    else updateTile(this.doc, tile, participant);
    applyTracks(tile, live, this.createStream);
  }

  #add(key, parts) {
    this.tiles.set(key, parts);
    if (parts.kind === 'screen') {
      this.screenOrder = [...this.screenOrder.filter(k => k !== key), key];
    }
    const quality = this.quality.get(parts.participantId);
    if (quality && parts.kind === 'camera') applyQuality(parts.quality, quality);
    this.#applySink(parts.video);
    this.el.strip.append(parts.root);
    return parts;
  }

  #remove(key) {
    const tile = this.tiles.get(key);
    if (!tile) return;
    tile.video.srcObject = null;
    tile.root.remove();
    this.tiles.delete(key);
    this.screenOrder = this.screenOrder.filter(k => k !== key);
  }

  #applySink(video) {
    if (this.sinkId == null || typeof video.setSinkId !== 'function') return;
    video.setSinkId(this.sinkId).catch?.(() => {});
  }

  #selfName() {
    return this.selfParticipant?.displayName ?? 'You';
  }

  #renderSelfBadges() {
    const local = this.local;
    const self = this.selfParticipant ?? {};
    const flags = {
      sendsAudio: Boolean(local?.stream?.getAudioTracks().length),
      sendsVideo: Boolean(local?.stream?.getVideoTracks().length),
      audioMuted: Boolean(local?.audioMuted),
      videoMuted: Boolean(local?.videoMuted),
      sharing: Boolean(local?.sharing),
      ...(local ? {} : { sendsAudio: self.sendsAudio, sendsVideo: self.sendsVideo }),
    };
    renderBadges(this.doc, this.selfParts.status, statusBadges(flags, { speaking: this.speaking.has('self') }));
  }
}
