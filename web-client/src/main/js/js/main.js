/**
 * Boots the page: one STOMP connection, one RoomSession, the views, the page's address (lobby,
 * /r/<slug> invite links, a reload's seat ticket), keyboard shortcuts, connection statistics, and
 * the debug handle that the end-to-end tests read (window.chatForYou).
 */

import { createStompTransport } from './stomp-transport.js';
import { RECONNECT_DELAYS_MS, signalingUrl } from './signaling-transport.js';
import { RoomSession } from './room-session.js';
import { MediaLink, iceTransportPolicyFrom } from './media-link.js';
import { PeerConnectionReserve, reserveSizeFor } from './peer-connection-reserve.js';
import { acquireLocalMedia } from './local-media.js';
import { LobbyView } from './lobby-view.js';
import { RoomView } from './room-view.js';
import { PrejoinView } from './prejoin-view.js';
import { AudioLevelMonitor } from './audio-level.js';
import { receiverLevel, senderLevel } from './webrtc-audio-level.js';
import { ErrorBanner, showConnectionStatus } from './page-view.js';
import { MediaServerNotice } from './media-server-notice.js';
import { PrejoinPreview, canPickSpeaker, deviceAdvice, loadPreferences, savePreferences } from './prejoin.js';
import { inviteUrl, lobbyUrl, slugFromLocation } from './invite-link.js';
import { SeatTicket } from './seat-ticket.js';
import { StatsMonitor } from './link-stats.js';
import { shortcutFor } from './shortcuts.js';
import { SignInView, fetchSession } from './sign-in-view.js';
import { createHostingViews } from './hosting-ui.js';

const byId = id => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`index.html lacks #${id}`);
  return node;
};
const storageOf = name => {
  try {
    return window[name];
  } catch {
    return null; // storage disabled: nothing is remembered
  }
};
const local = storageOf('localStorage');

/**
 * The app's root, read once: the page changes its address (pushState) between the lobby and
 * /r/<slug>, which moves document.baseURI on the lobby's page (it has no <base>).
 */
const appRoot = new URL('.', document.baseURI).href;

let preferences = loadPreferences(local);
const remember = changes => {
  preferences = { ...preferences, ...changes };
  savePreferences(local, preferences);
};

const displayNameInput = byId('display-name');
displayNameInput.value ||= preferences.displayName;
displayNameInput.addEventListener('change', () => remember({ displayName: displayNameInput.value.trim() }));
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
const prejoinSection = byId('prejoin-view');
const missingSection = byId('room-missing-view');
byId('room-missing-lobby').setAttribute('href', appRoot);

const signInView = new SignInView({ box: byId('sign-in'), text: byId('sign-in-text'), link: byId('sign-in-link') });

const transport = createStompTransport({ brokerURL: signalingUrl(appRoot), reconnectDelaysMs: RECONNECT_DELAYS_MS });

// Diagnostic: ?iceTransportPolicy=relay forces TURN relays, to check a TURN server (docs/turn.md).
const iceTransportPolicy = iceTransportPolicyFrom(window.location.search);
const mediaDevices = navigator.mediaDevices;
const speakerPicking = canPickSpeaker(globalThis.HTMLMediaElement?.prototype);
const narrowQuery = window.matchMedia?.('(max-width: 640px)');

let session = null;

// ---- address: lobby or /r/<slug> -------------------------------------------------------------

/** Keeps the address bar on the room's invite link (or the lobby) without reloading. */
function showAddress(url, { replace = false } = {}) {
  if (window.location.href === url) return;
  try {
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  } catch {
    // an address the history cannot take changes nothing else
  }
}

function goToLobby() {
  preview.stop();
  session.forgetInvite();
  showAddress(lobbyUrl(appRoot));
}

/** Opens the pre-join screen for a room of the lobby list (or one just created). */
function openPrejoin(room, password = null) {
  if (!room.slug) {
    session.joinRoom({ roomId: room.roomId, password, displayName: displayName() });
    return;
  }
  createdPassword = password;
  showAddress(inviteUrl(appRoot, room.slug));
  session.showInvite(room);
  // The password just typed (creating the room, or in the lobby's dialog) need not be typed again.
  if (password) byId('prejoin-password').value = password;
}
let createdPassword = null;

window.addEventListener('popstate', () => {
  if (session.state.phase !== 'lobby') return;
  const slug = slugFromLocation(window.location.href, appRoot);
  if (slug) session.findRoom(slug);
  else {
    preview.stop();
    session.forgetInvite();
  }
});

// ---- lobby -----------------------------------------------------------------------------------

const lobbyView = new LobbyView({
  doc: document,
  elements: {
    roomList: byId('room-list'),
    roomListEmpty: byId('room-list-empty'),
    roomListHidden: byId('room-list-hidden'),
    joiningStatus: byId('joining-status'),
    createForm: byId('create-room-form'),
    createName: byId('create-room-name'),
    createCapacity: byId('create-room-capacity'),
    capacityHint: byId('create-room-capacity-hint'),
    createPassword: byId('create-room-password'),
    createPrivate: byId('create-room-private'),
    createButton: byId('create-room-button'),
    passwordDialog: byId('password-dialog'),
    passwordForm: byId('password-form'),
    passwordRoomName: byId('password-room-name'),
    joinPassword: byId('join-password'),
    passwordCancel: byId('join-password-cancel'),
  },
  onJoin: (room, password) => openPrejoin(room, password),
  onCreate: ({ name, capacity, password, privateLink }) => {
    session.createRoom({ name, capacity, password, privateLink, displayName: displayName() });
  },
});

// ---- pre-join --------------------------------------------------------------------------------

/** The first of the call's peer connections where `pick` finds something. */
const findInCall = pick => {
  for (const pc of session?.peerConnections() ?? []) {
    const found = pick(pc);
    if (found) return found;
  }
  return null;
};

const levels = new AudioLevelMonitor({
  createStream: track => new MediaStream([track]),
  // In the call WebRTC already knows every level (webrtc-audio-level.js); WebAudio measures only the
  // pre-join meter, and the own microphone while alone in the room.
  readerFor: (key, track) => {
    if (key === 'prejoin') return null;
    if (key === 'self') return senderLevel(() => findInCall(pc => pc.getSenders().find(sender => sender.track === track)));
    return receiverLevel(() => findInCall(pc => pc.getReceivers().find(receiver => receiver.track === track)));
  },
  onChange: (key, speaking) => {
    if (key !== 'prejoin') roomView.setSpeaking(key, speaking);
  },
  onLevel: (key, level) => {
    if (key === 'prejoin') prejoinView.setLevel(level);
  },
});

const inUse = (stream, kind) => {
  const track = kind === 'audio' ? stream?.getAudioTracks()[0] : stream?.getVideoTracks()[0];
  return track?.getSettings?.().deviceId;
};

const preview = new PrejoinPreview({
  // Looked up at each call, like the join's own acquisition, so a replaced getUserMedia is used.
  getUserMedia: mediaDevices?.getUserMedia ? constraints => navigator.mediaDevices.getUserMedia(constraints) : undefined,
  secureContext: window.isSecureContext,
  onChange: media => {
    const advice = deviceAdvice(media, { secureContext: window.isSecureContext, hasGetUserMedia: Boolean(mediaDevices?.getUserMedia) });
    prejoinView.setLocal(media, media ? advice : null);
    levels.watch('prejoin', media?.stream?.getAudioTracks()[0] ?? null);
    refreshPrejoinDevices();
  },
});

function startPreview() {
  return preview.start({ audio: preferences.audioDevice, video: preferences.videoDevice });
}

function refreshPrejoinDevices() {
  if (typeof mediaDevices?.enumerateDevices !== 'function') return;
  const stream = preview.local?.stream;
  mediaDevices.enumerateDevices().then(
    devices => prejoinView.setDevices(devices, {
      audio: inUse(stream, 'audio') ?? preferences.audioDevice,
      video: inUse(stream, 'video') ?? preferences.videoDevice,
      speaker: preferences.speakerDevice,
    }),
    () => {},
  );
}

const prejoinView = new PrejoinView({
  doc: document,
  canPickSpeaker: speakerPicking,
  elements: {
    view: prejoinSection,
    tile: byId('prejoin-tile'),
    video: byId('prejoin-video'),
    avatar: byId('prejoin-avatar'),
    meter: byId('prejoin-meter'),
    meterRow: byId('prejoin-meter-row'),
    advice: byId('prejoin-advice'),
    adviceText: byId('prejoin-advice-text'),
    retry: byId('prejoin-retry'),
    form: byId('prejoin-form'),
    roomName: byId('prejoin-room-name'),
    roomStatus: byId('prejoin-room-status'),
    name: byId('prejoin-name'),
    passwordRow: byId('prejoin-password-row'),
    password: byId('prejoin-password'),
    camera: byId('prejoin-camera'),
    cameraNone: byId('prejoin-camera-none'),
    mic: byId('prejoin-mic'),
    micNone: byId('prejoin-mic-none'),
    speaker: byId('prejoin-speaker'),
    speakerLabel: byId('prejoin-speaker-label'),
    muted: byId('prejoin-muted'),
    cameraOff: byId('prejoin-camera-off'),
    join: byId('prejoin-join'),
    back: byId('prejoin-back'),
  },
  actions: {
    join: ({ displayName: name, password, muted }) => {
      const room = session.state.invite?.room;
      if (!room) return;
      displayNameInput.value = name;
      remember({ ...prejoinView.preferences() });
      levels.watch('prejoin', null);
      // The preview's camera and microphone go to the room: the join asks the browser for nothing.
      preview.handOver().then(media => session.joinRoom({
        roomId: room.roomId,
        password: password ?? createdPassword,
        displayName: name,
        local: media,
        muted,
      })).then(sent => {
        if (!sent && session.state.phase === 'lobby') startPreview();
      });
    },
    back: () => goToLobby(),
    retry: () => startPreview(),
    pickDevice: (kind, deviceId) => {
      remember(kind === 'audio' ? { audioDevice: deviceId } : { videoDevice: deviceId });
      startPreview();
    },
    pickSpeaker: deviceId => {
      remember({ speakerDevice: deviceId });
      byId('prejoin-video').setSinkId?.(deviceId)?.catch?.(() => {});
    },
    preferencesChanged: choices => remember(choices),
  },
});

// ---- room ------------------------------------------------------------------------------------

function toggleFullscreen(node) {
  if (document.fullscreenElement) document.exitFullscreen?.()?.catch?.(() => {});
  else (node ?? roomSection).requestFullscreen?.()?.catch?.(() => {});
}

async function copyInvite() {
  const slug = session.state.room?.slug;
  if (!slug) return false;
  try {
    await navigator.clipboard.writeText(inviteUrl(appRoot, slug));
    return true;
  } catch {
    return false;
  }
}

const roomView = new RoomView({
  doc: document,
  canPickSpeaker: speakerPicking,
  narrow: Boolean(narrowQuery?.matches),
  elements: {
    announcer: byId('announcer'),
    roomTitle: byId('room-title'),
    roomOccupancy: byId('room-occupancy'),
    copyInvite: byId('copy-invite'),
    inviteCopied: byId('invite-copied'),
    selfTile: byId('self-tile'),
    selfName: byId('self-name'),
    selfStatus: byId('self-status'),
    selfPlaceholderName: byId('self-placeholder-name'),
    selfAvatar: byId('self-avatar'),
    localVideo: byId('local-video'),
    mediaNotice: byId('media-notice'),
    uplinkNotice: byId('uplink-notice'),
    tiles: byId('tiles'),
    stage: byId('stage'),
    strip: byId('strip'),
    sidePanel: byId('side-panel'),
    tabChat: byId('tab-chat'),
    tabPeople: byId('tab-people'),
    closePanel: byId('close-panel'),
    chatPanel: byId('chat-panel'),
    peoplePanel: byId('people-panel'),
    participantList: byId('participant-list'),
    chatLog: byId('chat-log'),
    chatJump: byId('chat-jump'),
    chatUnread: byId('chat-unread'),
    chatForm: byId('chat-form'),
    chatInput: byId('chat-input'),
    leaveButton: byId('leave-button'),
    toggleAudio: byId('toggle-audio'),
    toggleVideo: byId('toggle-video'),
    toggleShare: byId('toggle-share'),
    toggleLayout: byId('toggle-layout'),
    toggleChat: byId('toggle-chat'),
    togglePeople: byId('toggle-people'),
    openSettings: byId('open-settings'),
    showHelp: byId('show-help'),
    settingsDialog: byId('settings-dialog'),
    settingsClose: byId('settings-close'),
    micSelect: byId('mic-select'),
    micNone: byId('mic-none'),
    cameraSelect: byId('camera-select'),
    cameraNone: byId('camera-none'),
    speakerSelect: byId('speaker-select'),
    speakerLabel: byId('speaker-label'),
    helpDialog: byId('help-dialog'),
    helpClose: byId('help-close'),
    shortcutList: byId('shortcut-list'),
  },
  createStream: tracks => new MediaStream(tracks),
  actions: {
    leave: () => {
      // The invite goes first, so that the lobby (not the room's pre-join) follows the leave.
      session.forgetInvite();
      session.leaveRoom();
      showAddress(lobbyUrl(appRoot), { replace: true });
    },
    sendChat: text => session.sendChat(text),
    toggle: kind => {
      const own = session.local;
      if (!own) return;
      session.controls.setMuted(kind, !(kind === 'audio' ? own.audioMuted : own.videoMuted));
    },
    canShare: () => session.controls.canShare(),
    share: () => {
      if (session.local?.sharing) session.controls.stopShare();
      else session.controls.startShare();
    },
    switchDevice: (kind, deviceId) => {
      remember(kind === 'audio' ? { audioDevice: deviceId } : { videoDevice: deviceId });
      session.controls.switchDevice(kind, deviceId).then(() => refreshDevices());
    },
    switchSpeaker: deviceId => {
      remember({ speakerDevice: deviceId });
      roomView.setSpeakerDevice(deviceId);
    },
    copyInvite,
    toggleFullscreen,
  },
});
if (preferences.speakerDevice) roomView.setSpeakerDevice(preferences.speakerDevice);
narrowQuery?.addEventListener?.('change', event => {
  roomView.narrow = event.matches;
});

// Hosts, the waiting room, hands and reactions (hosting-ui.js): the host panel and the hands queue go
// into the side panel under its tabs, the hand and reaction buttons into the control bar.
const hosting = createHostingViews({
  doc: document,
  session: () => session,
  elements: {
    main: document.querySelector('main'),
    roomView: roomSection,
    sidebar: byId('side-panel'),
    controls: byId('leave-button').parentElement,
    tiles: byId('tiles'),
    selfTile: byId('self-tile'),
    mediaNotice: byId('media-notice'),
    toggleAudio: byId('toggle-audio'),
  },
});
new ResizeObserver(() => roomView.resized()).observe(byId('tiles'));

function refreshDevices() {
  const stream = session.local?.stream;
  if (!stream || typeof mediaDevices?.enumerateDevices !== 'function') return;
  mediaDevices.enumerateDevices().then(
    devices => roomView.setDevices(devices, {
      audio: inUse(stream, 'audio'),
      video: inUse(stream, 'video'),
      speaker: preferences.speakerDevice,
    }),
    () => {},
  );
}
mediaDevices?.addEventListener?.('devicechange', () => {
  refreshDevices();
  if (!prejoinSection.hidden) refreshPrejoinDevices();
});

const stats = new StatsMonitor({
  links: () => session.statsTargets(),
  onQuality: (key, quality) => roomView.setQuality(key, quality),
  onUplink: uplink => roomView.setUplink(uplink),
});

// ---- keyboard shortcuts (shortcuts.js; listed in the help dialog) ----------------------------

document.addEventListener('keydown', event => {
  if (session.state.phase !== 'in-room' || roomView.dialogOpen()) return;
  const action = shortcutFor(event);
  if (!action) return;
  event.preventDefault();
  roomView.command(action);
});

// ---- the session -----------------------------------------------------------------------------

/** Which screen shows: lobby, pre-join, "no such room" or the room. */
function screenFor(state) {
  if (state.phase === 'in-room') return 'room';
  // Knocking at a waiting room: the waiting screen (waiting-room-view.js) is the only one shown.
  if (state.phase === 'waiting') return 'waiting';
  // Waiting to join again after a server restart: the lobby says so; the camera stays the session's.
  if (state.rejoin) return 'lobby';
  const invite = state.invite;
  if (invite?.status === 'missing' && state.phase === 'lobby') return 'missing';
  if (invite && (invite.status === 'found' || invite.status === 'resolving')) return 'prejoin';
  return 'lobby';
}

let screen = null;
let lastPhase = 'lobby';
function showScreen(next, state) {
  const previous = screen;
  screen = next;
  document.body.setAttribute('data-screen', next);
  lobbySection.hidden = next !== 'lobby';
  roomSection.hidden = next !== 'room';
  missingSection.hidden = next !== 'missing';
  if (next === 'prejoin') {
    const room = state.invite.room ?? { roomId: null, name: state.invite.slug, participants: 0, capacity: 0, locked: false };
    prejoinView.show(room, { ...preferences, displayName: displayNameInput.value.trim() || preferences.displayName });
    prejoinView.setJoining(state.phase === 'joining' || state.invite.status !== 'found');
    if (previous !== 'prejoin' && state.phase === 'lobby') startPreview();
  } else if (previous === 'prejoin') {
    prejoinView.hide();
    preview.stop(); // after a join the stream was handed over, and this stops nothing
  }
  if (next === 'room' && previous !== 'room') {
    stats.start();
    showAddress(state.room.slug ? inviteUrl(appRoot, state.room.slug) : lobbyUrl(appRoot), { replace: true });
  }
  if (next !== 'room' && previous === 'room') {
    stats.stop();
    roomView.setUplink({ poor: false });
  }
}

// Made while the pre-join screen waits for the click, so a join's links start at once.
const peerConnections = new PeerConnectionReserve();

session = new RoomSession({
  transport,
  seatTicket: new SeatTicket(storageOf('sessionStorage')),
  clientToken: clientToken(),
  getDisplayMedia: mediaDevices?.getDisplayMedia ? constraints => mediaDevices.getDisplayMedia(constraints) : null,
  getUserMedia: mediaDevices?.getUserMedia ? constraints => mediaDevices.getUserMedia(constraints) : null,
  acquireMedia: () =>
    acquireLocalMedia({
      getUserMedia: mediaDevices?.getUserMedia?.bind(mediaDevices),
      secureContext: window.isSecureContext,
      devices: { audio: preferences.audioDevice, video: preferences.videoDevice },
    }),
  createLink: options => new MediaLink({
    ...options,
    ...(iceTransportPolicy ? { iceTransportPolicy } : {}),
    createPeerConnection: config => peerConnections.take(config),
  }),
  // A task later: link-open, queued right behind joined, opens its peer connection before the room is drawn.
  scheduleRender: render => setTimeout(render, 0),
  listener: {
    stateChanged(state) {
      // Out of a call or a waiting room by the server's doing (removed, meeting ended, denied, the
      // connection lost): the lobby, not the room's pre-join screen again.
      if ((lastPhase === 'in-room' || lastPhase === 'waiting') && state.phase === 'lobby' && state.invite) {
        lastPhase = state.phase;
        showAddress(lobbyUrl(appRoot), { replace: true });
        session.forgetInvite(); // renders again, without the invite
        return;
      }
      const next = screenFor(state);
      peerConnections.keep(reserveSizeFor(next, state.invite?.room?.participants ?? 0));
      // The create form keeps its values through errors and empties once a room was entered.
      if (next === 'room' && screen !== 'room') lobbyView.resetCreateForm();
      if (next !== screen || next === 'prejoin') showScreen(next, state);
      // A refused join (a wrong password, a full room) stopped the camera: the preview comes back.
      if (lastPhase === 'joining' && state.phase === 'lobby' && next === 'prejoin' && !preview.local) startPreview();
      lastPhase = state.phase;
      document.title = state.phase === 'in-room' ? `${state.room.name} · ChatForYou` : 'ChatForYou';
      mediaServerNotice.update(state.phase === 'in-room' && state.mediaServerAwayIn === state.room?.roomId);
      lobbyView.render(state, session.connection);
      if (!signInView.mayCreate) byId('create-room-button').disabled = true;
      roomView.render(state);
      hosting.render(state);
    },
    localMediaChanged: media => {
      roomView.setLocalMedia(media);
      hosting.render(session.state); // the controls were drawn again; a held microphone stays held
      if (!media) {
        levels.clear();
        return;
      }
      levels.watch('self', media.stream?.getAudioTracks()[0] ?? null);
      refreshDevices();
    },
    remoteMediaChanged: (publisherId, tracks, screenTracks) => {
      roomView.setRemoteTracks(publisherId, tracks, screenTracks);
      levels.watch(publisherId, tracks.find(track => track.kind === 'audio') ?? null);
    },
    roomCreated: (room, password) => openPrejoin(room, password),
    resumeFailed: () => {
      const slug = slugFromLocation(window.location.href, appRoot);
      if (slug) session.findRoom(slug);
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
transport.onCloseReason(reason => banner.show(reason, null));
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

// A reload in a call takes the seat back; an invite link opens the pre-join screen of its room.
const openedSlug = slugFromLocation(window.location.href, appRoot);
const ticket = session.seatTicket.load();
if (ticket && (openedSlug == null || ticket.slug === openedSlug)) session.resumeAfterReload(ticket);
else {
  session.seatTicket.clear();
  if (openedSlug) session.findRoom(openedSlug);
}

showConnectionStatus(statusNode, 'connecting');
session.listener.stateChanged(session.state); // first paint, before any event
// Asked before connecting, so the handshake and the page agree on who is signed in.
fetchSession(window.fetch.bind(window), appRoot).then(info => {
  signInView.render(info);
  session.listener.stateChanged(session.state);
  transport.connect();
});

// The page may be reloading: the seat is kept for a short while (room.suspend) rather than left.
window.addEventListener('pagehide', () => session.suspend());

/** For tests and for debugging in the console. */
window.chatForYou = Object.freeze({
  peerConnections: () => session.peerConnections(),
  /** The peer connections made ahead of need: how many wait, how many links took one. */
  peerConnectionReserve: () => ({ ready: peerConnections.size, taken: peerConnections.taken }),
  iceTransportPolicy: iceTransportPolicy ?? 'all',
  /** Whether the level monitor holds a WebAudio context (the pre-join meter's, or alone in the room). */
  audioContextOpen: () => levels.context !== null,
  state: () => session.snapshot(),
  /** Where each tile is: the layout's arrangement and every tile's size on screen. */
  layout: () => ({
    mode: roomView.layout.mode,
    pinned: roomView.layout.pinned,
    ...roomView.layout.arrangement,
    area: { width: byId('tiles').clientWidth, height: byId('tiles').clientHeight },
    tiles: roomView.tiles.keys().map(key => {
      const rect = roomView.tiles.rootOf(key)?.getBoundingClientRect();
      return { key, width: Math.round(rect?.width ?? 0), height: Math.round(rect?.height ?? 0) };
    }),
  }),
  inviteUrl: () => (session.state.room?.slug ? inviteUrl(appRoot, session.state.room.slug) : null),
  /** Takes one connection-statistics sample now, instead of waiting for the timer. */
  sampleStats: () => stats.sample(),
  /** Closes the signaling WebSocket without a STOMP DISCONNECT, as a network drop would. */
  dropConnection: () => transport.dropConnection(),
});
