/**
 * The room: own preview, one tile per other participant, the participant list and the chat.
 * Every name and message is set with textContent (see dom.js).
 */

import { element, initialOf, setVisible, syncKeyed } from './dom.js';

/** "10:15" in the viewer's locale, or '' for a missing or unreadable timestamp. */
export function formatTime(sentAt) {
  if (!sentAt) return '';
  const date = new Date(sentAt);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function buildChatMessage(doc, message, selfId) {
  const own = message.authorId != null && message.authorId === selfId;
  const item = element(doc, 'li', {
    className: own ? 'chat-message own' : 'chat-message',
    attrs: { 'data-message-id': message.messageId, 'data-author-id': message.authorId ?? '' },
  });
  const meta = element(doc, 'div', { className: 'chat-meta' });
  const author = element(doc, 'span', { className: 'chat-author', text: message.authorName });
  const time = element(doc, 'time', { className: 'chat-time', text: formatTime(message.sentAt) });
  if (message.sentAt) time.setAttribute('datetime', message.sentAt);
  meta.append(author, time);
  const text = element(doc, 'div', { className: 'chat-text', text: message.text });
  item.append(meta, text);
  return item;
}

/** The list item's text is exactly the name; "(you)" and mute marks come from CSS on attributes. */
export function buildParticipantItem(doc, participant, isSelf) {
  const root = element(doc, 'li', {
    className: isSelf ? 'participant self' : 'participant',
    attrs: { 'data-participant-id': participant.participantId },
  });
  if (isSelf) root.setAttribute('data-self', 'true');
  const parts = { root };
  updateParticipantItem(parts, participant);
  return parts;
}

export function updateParticipantItem(parts, participant) {
  if (parts.root.textContent !== participant.displayName) parts.root.textContent = participant.displayName;
  applyMediaFlags(parts.root, participant);
}

function applyMediaFlags(node, participant) {
  node.setAttribute('data-audio-muted', participant.audioMuted ? 'true' : 'false');
  node.setAttribute('data-video-muted', participant.videoMuted ? 'true' : 'false');
  node.setAttribute('data-sharing', participant.sharing ? 'true' : 'false');
  node.setAttribute('data-sends', participant.sendsVideo ? 'video' : participant.sendsAudio ? 'audio' : 'nothing');
}

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

export class RoomView {
  /**
   * @param {object} options
   * @param {Document} options.doc
   * @param {object} options.elements the room's DOM nodes, by role
   * @param {(tracks: MediaStreamTrack[]) => MediaStream} options.createStream
   * @param {{leave(): void, sendChat(text: string): boolean, toggle(kind: 'audio'|'video'): void,
   *   share?(): void, switchDevice?(kind: 'audio'|'video', deviceId: string): void,
   *   canShare?(): boolean}} options.actions
   */
  constructor({ doc, elements, createStream, actions }) {
    this.doc = doc;
    this.el = elements;
    this.createStream = createStream;
    /** participantId -> tile parts */
    this.tiles = new Map();
    /** publisherId -> tracks, kept even before the tile exists */
    this.remoteTracks = new Map();
    /** participantId -> participant list item parts */
    this.people = new Map();
    /** messageId -> chat item */
    this.messages = new Map();
    this.local = null;
    this.self = null;
    this.actions = actions;
    /** participantId (or 'self') -> speaking, kept for tiles created later */
    this.speaking = new Map();

    const e = elements;
    e.leaveButton.addEventListener('click', () => actions.leave());
    e.chatForm.addEventListener('submit', event => {
      event.preventDefault();
      this.#sendChat(actions);
    });
    e.chatInput.addEventListener('keydown', event => {
      // Enter sends, Shift+Enter starts a new line; never while an IME is composing.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.#sendChat(actions);
      }
    });
    e.toggleAudio.addEventListener('click', () => actions.toggle('audio'));
    e.toggleVideo.addEventListener('click', () => actions.toggle('video'));
    e.toggleShare?.addEventListener('click', () => actions.share?.());
    e.micSelect?.addEventListener('change', () => actions.switchDevice?.('audio', e.micSelect.value));
    e.cameraSelect?.addEventListener('change', () => actions.switchDevice?.('video', e.cameraSelect.value));
  }

  render(state) {
    if (state.phase !== 'in-room') {
      this.#clear();
      return;
    }
    const e = this.el;
    this.self = state.self;
    e.roomTitle.textContent = state.room.name;
    e.roomOccupancy.textContent = `${state.participants.length + 1}/${state.room.capacity}`;
    e.selfName.textContent = `${state.self.displayName} (you)`;
    e.selfPlaceholderName.textContent = state.self.displayName;
    e.selfAvatar.textContent = initialOf(state.self.displayName);

    const selfId = state.self.participantId;
    syncKeyed({
      container: e.participantList,
      map: this.people,
      items: [state.self, ...state.participants],
      keyOf: p => p.participantId,
      create: p => buildParticipantItem(this.doc, p, p.participantId === selfId),
      update: updateParticipantItem,
    });
    this.#syncTiles(state.participants);
    this.#syncChat(state.chat, state.self.participantId);
    this.#renderLocal();
  }

  /** @param {{stream: MediaStream|null, notice: string, audioMuted: boolean, videoMuted: boolean}|null} local */
  setLocalMedia(local) {
    this.local = local;
    const video = this.el.localVideo;
    video.muted = true; // never play our own microphone back
    // While sharing, the own tile previews what the others see: the screen.
    const shown = local?.screenStream ?? local?.stream ?? null;
    if (video.srcObject !== shown) {
      video.srcObject = shown;
      if (shown) video.play?.()?.catch?.(() => {});
    }
    this.#renderLocal();
  }

  /** Highlights the tile of a participant ('self' for the own tile) while they speak. */
  setSpeaking(participantId, speaking) {
    if (speaking) this.speaking.set(participantId, true);
    else this.speaking.delete(participantId);
    const root = participantId === 'self' ? this.el.selfTile : this.tiles.get(participantId)?.root;
    root?.setAttribute('data-speaking', speaking ? 'true' : 'false');
  }

  /**
   * Fills the microphone and camera choices from enumerateDevices, keeping the current choice.
   * @param {{kind: string, deviceId: string, label: string}[]} devices
   * @param {{audio?: string, video?: string}} current the deviceIds in use
   */
  setDevices(devices, current = {}) {
    const fill = (select, kind, fallback, inUse) => {
      if (!select) return;
      const options = devices.filter(d => d.kind === kind && d.deviceId);
      const wanted = options.map((d, i) => [d.deviceId, d.label || `${fallback} ${i + 1}`]);
      const have = [...select.options].map(o => [o.value, o.textContent]);
      if (JSON.stringify(have) !== JSON.stringify(wanted)) {
        select.replaceChildren(...wanted.map(([value, label]) => {
          const option = element(this.doc, 'option', { text: label });
          option.value = value;
          return option;
        }));
      }
      if (inUse && wanted.some(([value]) => value === inUse)) select.value = inUse;
      select.disabled = wanted.length < 2 || !inUse;
    };
    fill(this.el.micSelect, 'audioinput', 'Microphone', current.audio);
    fill(this.el.cameraSelect, 'videoinput', 'Camera', current.video);
  }

  setRemoteTracks(publisherId, tracks) {
    if (tracks.length === 0) this.remoteTracks.delete(publisherId);
    else this.remoteTracks.set(publisherId, tracks);
    const tile = this.tiles.get(publisherId);
    if (tile) applyTracks(tile, tracks, this.createStream);
  }

  #renderLocal() {
    const e = this.el;
    const local = this.local;
    const stream = local?.stream ?? null;
    const sendsVideo = Boolean(stream && stream.getVideoTracks().length > 0);
    const sendsAudio = Boolean(stream && stream.getAudioTracks().length > 0);
    e.selfTile.setAttribute('data-has-video', sendsVideo && !local.videoMuted ? 'true' : 'false');
    e.mediaNotice.textContent = local?.notice ?? '';
    setVisible(e.mediaNotice, Boolean(local?.notice));

    e.toggleAudio.disabled = !sendsAudio;
    e.toggleAudio.setAttribute('aria-pressed', local?.audioMuted ? 'true' : 'false');
    e.toggleAudio.textContent = !sendsAudio ? 'No microphone' : local.audioMuted ? 'Unmute' : 'Mute';
    e.toggleVideo.disabled = !sendsVideo;
    e.toggleVideo.setAttribute('aria-pressed', local?.videoMuted ? 'true' : 'false');
    e.toggleVideo.textContent = !sendsVideo ? 'No camera' : local.videoMuted ? 'Start video' : 'Stop video';
    e.selfTile.setAttribute('data-audio-muted', local?.audioMuted ? 'true' : 'false');
    e.selfTile.setAttribute('data-video-muted', local?.videoMuted ? 'true' : 'false');
    e.selfTile.setAttribute('data-sharing', local?.sharing ? 'true' : 'false');
    if (local?.sharing) e.selfTile.setAttribute('data-has-video', 'true');
    if (e.toggleShare) {
      // A receive-only participant publishes nothing, so there is nothing to put a screen on.
      const canShare = Boolean(local) && (this.actions.canShare?.() ?? false);
      e.toggleShare.hidden = !canShare && !local?.sharing;
      e.toggleShare.disabled = !canShare && !local?.sharing;
      e.toggleShare.setAttribute('aria-pressed', local?.sharing ? 'true' : 'false');
      e.toggleShare.textContent = local?.sharing ? 'Stop sharing' : 'Share screen';
    }
  }

  #syncTiles(participants) {
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

  #syncChat(chat, selfId) {
    const log = this.el.chatLog;
    const keep = new Set(chat.map(m => m.messageId));
    for (const [id, item] of this.messages) {
      if (!keep.has(id)) {
        item.remove();
        this.messages.delete(id);
      }
    }
    const nearBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
    let ownAdded = false;
    for (const message of chat) {
      if (this.messages.has(message.messageId)) continue;
      const item = buildChatMessage(this.doc, message, selfId);
      this.messages.set(message.messageId, item);
      log.append(item);
      ownAdded ||= message.authorId === selfId;
    }
    // Follow the conversation unless the reader scrolled up to read older messages.
    if (nearBottom || ownAdded) log.scrollTop = log.scrollHeight;
  }

  #sendChat(actions) {
    const input = this.el.chatInput;
    if (actions.sendChat(input.value)) input.value = '';
    input.focus();
  }

  #clear() {
    for (const tile of this.tiles.values()) {
      tile.video.srcObject = null;
      tile.root.remove();
    }
    this.tiles.clear();
    this.remoteTracks.clear();
    this.speaking.clear();
    for (const item of this.messages.values()) item.remove();
    this.messages.clear();
    for (const parts of this.people.values()) parts.root.remove();
    this.people.clear();
    this.el.chatInput.value = '';
    this.self = null;
  }
}
