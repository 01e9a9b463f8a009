/**
 * Boots the page: one STOMP connection, one RoomSession, the views, and the debug handle that the
 * end-to-end tests read (window.chatForYou).
 */

import { createStompTransport } from './stomp-transport.js';
import { RECONNECT_DELAYS_MS, signalingUrl } from './signaling-transport.js';
import { RoomSession } from './room-session.js';
import { MediaLink, iceTransportPolicyFrom } from './media-link.js';
import { acquireLocalMedia } from './local-media.js';
import { LobbyView } from './lobby-view.js';
import { RoomView } from './room-view.js';
import { AudioLevelMonitor } from './audio-level.js';
import { ErrorBanner, showConnectionStatus } from './page-view.js';
import { MediaServerNotice } from './media-server-notice.js';
import { createHostingViews } from './hosting-ui.js';

const byId = id => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`index.html lacks #${id}`);
  return node;
};

const NAME_KEY = 'chatforyou.displayName';
const displayNameInput = byId('display-name');
try {
  displayNameInput.value ||= localStorage.getItem(NAME_KEY) ?? '';
} catch {
  // Storage may be disabled; the name is then simply not remembered.
}
displayNameInput.addEventListener('change', () => {
  try {
    localStorage.setItem(NAME_KEY, displayNameInput.value.trim());
  } catch {
    // see above
  }
});
const displayName = () => displayNameInput.value;

/** A random token this browser keeps and sends with its joins: a removal ban applies to it too. */
const CLIENT_TOKEN_KEY = 'chatforyou.clientToken';
function clientToken() {
  try {
    let token = localStorage.getItem(CLIENT_TOKEN_KEY);
    if (!token || !/^[A-Za-z0-9_-]{8,64}$/.test(token)) {
      const bytes = crypto.getRandomValues(new Uint8Array(18));
      token = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      localStorage.setItem(CLIENT_TOKEN_KEY, token);
    }
    return token;
  } catch {
    return null; // storage disabled: joins carry no token
  }
}

const banner = new ErrorBanner({ banner: byId('error-banner'), text: byId('error-text'), dismiss: byId('error-dismiss') });
const statusNode = byId('connection-status');
const lobbySection = byId('lobby-view');
const roomSection = byId('room-view');
const mediaServerNotice = new MediaServerNotice(byId('media-server-notice'));

const transport = createStompTransport({ brokerURL: signalingUrl(document.baseURI), reconnectDelaysMs: RECONNECT_DELAYS_MS });

// Diagnostic: ?iceTransportPolicy=relay forces TURN relays, to check a TURN server (docs/turn.md).
const iceTransportPolicy = iceTransportPolicyFrom(window.location.search);

let session = null;

const lobbyView = new LobbyView({
  doc: document,
  elements: {
    roomList: byId('room-list'),
    roomListEmpty: byId('room-list-empty'),
    joiningStatus: byId('joining-status'),
    createForm: byId('create-room-form'),
    createName: byId('create-room-name'),
    createCapacity: byId('create-room-capacity'),
    capacityHint: byId('create-room-capacity-hint'),
    createPassword: byId('create-room-password'),
    createButton: byId('create-room-button'),
    passwordDialog: byId('password-dialog'),
    passwordForm: byId('password-form'),
    passwordRoomName: byId('password-room-name'),
    joinPassword: byId('join-password'),
    passwordCancel: byId('join-password-cancel'),
  },
  onJoin: (room, password) => session.joinRoom({ roomId: room.roomId, password, displayName: displayName() }),
  onCreate: ({ name, capacity, password }) => {
    session.createRoom({ name, capacity, password, displayName: displayName() });
  },
});

const roomView = new RoomView({
  doc: document,
  elements: {
    roomTitle: byId('room-title'),
    roomOccupancy: byId('room-occupancy'),
    selfTile: byId('self-tile'),
    selfName: byId('self-name'),
    selfPlaceholderName: byId('self-placeholder-name'),
    selfAvatar: byId('self-avatar'),
    localVideo: byId('local-video'),
    mediaNotice: byId('media-notice'),
    tiles: byId('tiles'),
    participantList: byId('participant-list'),
    chatLog: byId('chat-log'),
    chatForm: byId('chat-form'),
    chatInput: byId('chat-input'),
    leaveButton: byId('leave-button'),
    toggleAudio: byId('toggle-audio'),
    toggleVideo: byId('toggle-video'),
    toggleShare: byId('toggle-share'),
    micSelect: byId('mic-select'),
    cameraSelect: byId('camera-select'),
  },
  createStream: tracks => new MediaStream(tracks),
  actions: {
    leave: () => session.leaveRoom(),
    sendChat: text => session.sendChat(text),
    toggle: kind => {
      const local = session.local;
      if (!local) return;
      session.controls.setMuted(kind, !(kind === 'audio' ? local.audioMuted : local.videoMuted));
    },
    canShare: () => session.controls.canShare(),
    share: () => {
      if (session.local?.sharing) session.controls.stopShare();
      else session.controls.startShare();
    },
    switchDevice: (kind, deviceId) => {
      session.controls.switchDevice(kind, deviceId).then(() => refreshDevices());
    },
  },
});

const hosting = createHostingViews({
  doc: document,
  session: () => session,
  elements: {
    main: document.querySelector('main'),
    roomView: roomSection,
    sidebar: roomSection.querySelector('.sidebar'),
    controls: byId('leave-button').parentElement,
    tiles: byId('tiles'),
    selfTile: byId('self-tile'),
    mediaNotice: byId('media-notice'),
    toggleAudio: byId('toggle-audio'),
  },
});

const mediaDevices = navigator.mediaDevices;

/** Active speaker: the own microphone under 'self', everyone else under their participant id. */
const levels = new AudioLevelMonitor({
  createStream: track => new MediaStream([track]),
  onChange: (key, speaking) => roomView.setSpeaking(key, speaking),
});

function refreshDevices() {
  const stream = session.local?.stream;
  if (!stream || typeof mediaDevices?.enumerateDevices !== 'function') return;
  const inUse = track => track?.getSettings?.().deviceId;
  mediaDevices.enumerateDevices().then(
    devices => roomView.setDevices(devices, {
      audio: inUse(stream.getAudioTracks()[0]),
      video: inUse(stream.getVideoTracks()[0]),
    }),
    () => {},
  );
}
mediaDevices?.addEventListener?.('devicechange', refreshDevices);

session = new RoomSession({
  transport,
  clientToken: clientToken(),
  getDisplayMedia: mediaDevices?.getDisplayMedia ? constraints => mediaDevices.getDisplayMedia(constraints) : null,
  getUserMedia: mediaDevices?.getUserMedia ? constraints => mediaDevices.getUserMedia(constraints) : null,
  acquireMedia: () =>
    acquireLocalMedia({
      getUserMedia: navigator.mediaDevices?.getUserMedia?.bind(navigator.mediaDevices),
      secureContext: window.isSecureContext,
    }),
  createLink: options => new MediaLink(iceTransportPolicy ? { ...options, iceTransportPolicy } : options),
  listener: {
    stateChanged(state) {
      const inRoom = state.phase === 'in-room';
      // The create form keeps its values through errors and empties once a room was entered.
      if (inRoom && roomSection.hidden) lobbyView.resetCreateForm();
      lobbySection.hidden = inRoom || state.phase === 'waiting';
      roomSection.hidden = !inRoom;
      document.title = inRoom ? `${state.room.name} · ChatForYou` : 'ChatForYou';
      mediaServerNotice.update(inRoom && state.mediaServerAwayIn === state.room?.roomId);
      lobbyView.render(state, session.connection);
      roomView.render(state);
      hosting.render(state);
    },
    localMediaChanged: local => {
      roomView.setLocalMedia(local);
      hosting.render(session.state); // the controls were drawn again; a held microphone stays held
      if (!local) {
        levels.clear();
        return;
      }
      levels.watch('self', local.stream?.getAudioTracks()[0] ?? null);
      refreshDevices();
    },
    remoteMediaChanged: (publisherId, tracks) => {
      roomView.setRemoteTracks(publisherId, tracks);
      levels.watch(publisherId, tracks.find(track => track.kind === 'audio') ?? null);
    },
    error: ({ code, message }) => banner.show(code, message),
    notice: notice => hosting.notice(notice),
    reaction: reaction => hosting.reaction(reaction),
    errorCleared: () => banner.clear(),
    serverRestarting: () => {
      banner.clear();
      showConnectionStatus(statusNode, 'restarting');
    },
  },
});

transport.onEvent(event => session.handleEvent(event));
transport.onStatus(state => {
  // While waiting for a restarting server, say so rather than a plain "Reconnecting…".
  showConnectionStatus(statusNode, state === 'reconnecting' && session.state.rejoin ? 'restarting' : state);
  if (state === 'connected') session.connected();
  // The server keeps the seat for a while: the session resumes it once connected again.
  if (state === 'reconnecting') session.connectionInterrupted();
  if (state === 'lost') {
    session.connectionLost();
    banner.show('connection-lost', 'The connection to the server was lost. Reload the page to reconnect.');
  }
});
showConnectionStatus(statusNode, 'connecting');
session.listener.stateChanged(session.state); // first paint, before any event
transport.connect();

// Leaving explicitly tells the others "left" instead of waiting for the server to notice.
window.addEventListener('pagehide', () => session.leaveRoom());

/** For tests and for debugging in the console. */
window.chatForYou = Object.freeze({
  peerConnections: () => session.peerConnections(),
  iceTransportPolicy: iceTransportPolicy ?? 'all',
  state: () => session.snapshot(),
  /** Closes the signaling WebSocket without a STOMP DISCONNECT, as a network drop would. */
  dropConnection: () => transport.dropConnection(),
});
