import { test, describe } from 'node:test';
import assert from 'node:assert/strict';

import { buildRoomItem, formatOccupancy, parseCapacity, updateRoomItem } from '../../main/js/js/lobby-view.js';
import { RoomView } from '../../main/js/js/room-view.js';
import { applyTracks, buildTile } from '../../main/js/js/tile-view.js';
import { buildParticipantItem } from '../../main/js/js/participant-list-view.js';
import { ChatView, buildChatMessage } from '../../main/js/js/chat-view.js';
import { CallControlsView } from '../../main/js/js/call-controls-view.js';
import { syncKeyed } from '../../main/js/js/dom.js';
import { ErrorBanner, showConnectionStatus } from '../../main/js/js/page-view.js';
import { errorText, isSilentError } from '../../main/js/js/errors.js';
import { FakeDocument } from './support/fake-dom.js';
import { FakeStream, FakeTrack, cameraStream } from './support/fake-media.js';

const HOSTILE = '<img src=x onerror="alert(1)"><b>bold</b> & "quotes"';

const elementChildren = node => node.children.length;

describe('user text is rendered as text, never as markup', () => {
  test('the fake document refuses markup sinks, so these tests would catch their use', () => {
    const doc = new FakeDocument();
    const node = doc.createElement('div');
    assert.throws(() => {
      node.innerHTML = '<b>x</b>';
    }, /never be parsed as HTML/);
    assert.throws(() => node.insertAdjacentHTML('beforeend', '<b>x</b>'), /never be parsed as HTML/);
  });

  test('room names', () => {
    const doc = new FakeDocument();
    const { root } = buildRoomItem(doc, { roomId: 'r1', name: HOSTILE, participants: 2, capacity: 6, locked: true });
    const [name] = root.byClass('room-name');
    assert.equal(name.textContent, HOSTILE);
    assert.equal(elementChildren(name), 0);
    assert.ok(!doc.created.some(n => n.tagName === 'IMG' || n.tagName === 'B'));
  });

  test('chat authors and messages', () => {
    const doc = new FakeDocument();
    const item = buildChatMessage(
      doc,
      { messageId: 'm1', authorId: 'p1', authorName: HOSTILE, text: `${HOSTILE}\nsecond line`, sentAt: '2026-11-28T10:15:30Z' },
      'p2',
    );
    const [author] = item.byClass('chat-author');
    const [text] = item.byClass('chat-text');
    assert.equal(author.textContent, HOSTILE);
    assert.equal(text.textContent, `${HOSTILE}\nsecond line`);
    assert.equal(elementChildren(author) + elementChildren(text), 0);
    assert.ok(!doc.created.some(n => n.tagName === 'IMG' || n.tagName === 'B'));
  });

  test('participant names in the list and on tiles', () => {
    const doc = new FakeDocument();
    const participant = { participantId: 'p1', displayName: HOSTILE, sendsAudio: true, sendsVideo: true };
    const { root: item, name } = buildParticipantItem(doc, participant, false);
    assert.equal(name.textContent, HOSTILE);
    assert.equal(elementChildren(name), 0);
    assert.ok(item.textContent.startsWith(HOSTILE));
    const tile = buildTile(doc, participant);
    assert.equal(tile.root.byClass('tile-name')[0].textContent, HOSTILE);
    assert.ok(!doc.created.some(n => n.tagName === 'IMG' || n.tagName === 'B'));
  });

  test('error messages from the server', () => {
    const doc = new FakeDocument();
    const banner = doc.createElement('div');
    const text = doc.createElement('span');
    banner.append(text);
    const errors = new ErrorBanner({ banner, text, dismiss: doc.createElement('button') });
    errors.show('room-full', HOSTILE);
    assert.equal(text.textContent, HOSTILE);
    assert.equal(banner.getAttribute('data-error-code'), 'room-full');
    assert.equal(banner.hidden, false);
    errors.clear();
    assert.equal(banner.hidden, true);
    assert.equal(banner.getAttribute('data-error-code'), '');
  });
});

describe('lobby', () => {
  test('a room item carries the hooks the end-to-end tests use', () => {
    const doc = new FakeDocument();
    const parts = buildRoomItem(doc, { roomId: 'r7', name: 'Standup', participants: 2, capacity: 6, locked: true });
    assert.equal(parts.root.tagName, 'LI');
    assert.equal(parts.root.getAttribute('data-room-id'), 'r7');
    assert.equal(parts.root.getAttribute('data-locked'), 'true');
    assert.equal(parts.root.byClass('room-occupancy')[0].textContent, '2/6');
    const [join] = parts.root.byClass('join-button');
    assert.equal(join.tagName, 'BUTTON');
    assert.equal(join.getAttribute('data-room-id'), 'r7');
    assert.equal(join.disabled, false);

    updateRoomItem(parts, { roomId: 'r7', name: 'Standup', participants: 6, capacity: 6, locked: false });
    assert.equal(parts.root.getAttribute('data-locked'), 'false');
    assert.equal(parts.root.byClass('room-occupancy')[0].textContent, '6/6');
    assert.ok(parts.root.classList.contains('full'));
    assert.equal(join.disabled, false, 'a full room can still be tried; the server explains');
  });

  test('occupancy and capacity parsing', () => {
    assert.equal(formatOccupancy({ participants: 0, capacity: 8 }), '0/8');
    assert.equal(parseCapacity(''), null);
    assert.equal(parseCapacity(' 4 '), 4);
    assert.equal(parseCapacity('abc'), null);
    assert.equal(parseCapacity('12'), 12, 'out-of-range values go to the server, which names the limit');
  });

  test('list updates keep the nodes of rooms that stay', () => {
    const doc = new FakeDocument();
    const list = doc.createElement('ul');
    const map = new Map();
    const render = rooms =>
      syncKeyed({
        container: list,
        map,
        items: rooms,
        keyOf: r => r.roomId,
        create: r => buildRoomItem(doc, r),
        update: updateRoomItem,
      });
    const a = { roomId: 'a', name: 'A', participants: 1, capacity: 6, locked: false };
    const b = { roomId: 'b', name: 'B', participants: 1, capacity: 6, locked: false };
    render([a, b]);
    const nodeOfA = list.children[0];
    render([b, { ...a, participants: 2 }]);
    assert.deepEqual(list.children.map(n => n.getAttribute('data-room-id')), ['b', 'a']);
    assert.equal(list.children[1], nodeOfA, 'same node, updated in place');
    assert.equal(nodeOfA.byClass('room-occupancy')[0].textContent, '2/6');
    render([b]);
    assert.deepEqual(list.children.map(n => n.getAttribute('data-room-id')), ['b']);
  });
});

describe('room', () => {
  test('a tile has the media element, name and placeholder hooks', () => {
    const doc = new FakeDocument();
    const tile = buildTile(doc, { participantId: 'pBob', displayName: 'Bob', sendsAudio: true, sendsVideo: false });
    assert.equal(tile.root.getAttribute('data-participant-id'), 'pBob');
    assert.equal(tile.root.getAttribute('data-has-video'), 'false');
    const [video] = tile.root.byClass('tile-media');
    assert.equal(video.tagName, 'VIDEO');
    assert.ok(video.hasAttribute('autoplay') && video.hasAttribute('playsinline'));
    assert.equal(tile.root.byClass('tile-name')[0].textContent, 'Bob');
    const [placeholder] = tile.root.byClass('tile-placeholder');
    assert.match(placeholder.textContent, /Bob/);
  });

  test('received tracks go into one stream per tile; has-video follows the video track', () => {
    const doc = new FakeDocument();
    const tile = buildTile(doc, { participantId: 'pBob', displayName: 'Bob' });
    const createStream = tracks => new FakeStream(tracks);
    const audio = new FakeTrack('audio');
    applyTracks(tile, [audio], createStream);
    assert.equal(tile.root.getAttribute('data-has-video'), 'false');
    assert.deepEqual(tile.video.srcObject.getTracks(), [audio]);

    const video = new FakeTrack('video');
    applyTracks(tile, [audio, video], createStream);
    assert.equal(tile.root.getAttribute('data-has-video'), 'true');
    assert.deepEqual(tile.video.srcObject.getAudioTracks(), [audio]);
    assert.deepEqual(tile.video.srcObject.getVideoTracks(), [video]);

    video.stop();
    applyTracks(tile, [audio, video], createStream);
    assert.equal(tile.root.getAttribute('data-has-video'), 'false', 'an ended track is no video');
    applyTracks(tile, [], createStream);
    assert.equal(tile.video.srcObject, null);
  });

  function roomView() {
    const doc = new FakeDocument();
    const ids = [
      'roomTitle', 'roomOccupancy', 'selfTile', 'selfName', 'selfStatus', 'selfPlaceholderName', 'selfAvatar', 'localVideo',
      'mediaNotice', 'tiles', 'stage', 'strip', 'participantList', 'chatLog', 'chatForm', 'chatInput', 'leaveButton',
      'toggleAudio', 'toggleVideo', 'announcer',
    ];
    const elements = Object.fromEntries(ids.map(id => [id, doc.createElement(id === 'localVideo' ? 'video' : 'div')]));
    elements.tiles.append(elements.stage, elements.strip);
    elements.strip.append(elements.selfTile);
    elements.tiles.clientWidth = 1280;
    elements.tiles.clientHeight = 720;
    const actions = { left: 0, chats: [], leave() { this.left += 1; }, sendChat(text) { this.chats.push(text); return true; }, toggle() {} };
    const view = new RoomView({ doc, elements, createStream: tracks => new FakeStream(tracks), actions });
    return { doc, elements, view, actions };
  }

  const ann = { participantId: 'pAnn', displayName: 'Ann', sendsAudio: true, sendsVideo: true, audioMuted: false, videoMuted: false };
  const bob = { participantId: 'pBob', displayName: 'Bob', sendsAudio: true, sendsVideo: false, audioMuted: false, videoMuted: false };
  const state = (participants, chat = []) => ({
    phase: 'in-room',
    room: { roomId: 'r1', name: 'Standup', capacity: 6 },
    self: ann,
    participants,
    chat,
  });

  test('renders tiles for the others only, the list with self first, and chat in order', () => {
    const { elements, view } = roomView();
    view.render(state([bob], [{ messageId: 'm1', authorId: 'pBob', authorName: 'Bob', text: 'hi' }]));
    const tiles = elements.strip.children.filter(n => n.hasAttribute('data-participant-id'));
    assert.deepEqual(tiles.map(n => n.getAttribute('data-participant-id')), ['pBob']);
    assert.equal(elements.strip.children[0], elements.selfTile, 'own preview stays first');
    const people = elements.participantList.children;
    assert.deepEqual(people.map(n => n.byClass('participant-name')[0].textContent), ['Ann', 'Bob']);
    assert.equal(people[0].getAttribute('data-self'), 'true');
    assert.equal(elements.roomTitle.textContent, 'Standup');

    const firstMessage = elements.chatLog.children[0];
    view.render(state([bob], [
      { messageId: 'm1', authorId: 'pBob', authorName: 'Bob', text: 'hi' },
      { messageId: 'm2', authorId: 'pAnn', authorName: 'Ann', text: 'hello' },
    ]));
    assert.deepEqual(elements.chatLog.children.map(n => n.byClass('chat-text')[0].textContent), ['hi', 'hello']);
    assert.equal(elements.chatLog.children[0], firstMessage, 'existing messages are not rebuilt');
    assert.ok(elements.chatLog.children[1].classList.contains('own'));
  });

  test('tracks that arrive before the tile are applied when it appears; leaving removes it', () => {
    const { elements, view } = roomView();
    view.render(state([]));
    const video = new FakeTrack('video');
    view.setRemoteTracks('pBob', [new FakeTrack('audio'), video]);
    view.render(state([bob]));
    const [tile] = elements.strip.children.filter(n => n.getAttribute('data-participant-id') === 'pBob');
    assert.equal(tile.getAttribute('data-has-video'), 'true');
    view.render(state([]));
    assert.equal(elements.strip.children.filter(n => n.hasAttribute('data-participant-id')).length, 0);
    assert.deepEqual(elements.participantList.children.map(n => n.byClass('participant-name')[0].textContent), ['Ann']);
  });

  test('own preview is muted; the notice shows only for reduced media', () => {
    const { elements, view } = roomView();
    view.render(state([]));
    view.setLocalMedia({ stream: cameraStream('audio'), notice: 'Camera unavailable', audioMuted: false, videoMuted: false });
    assert.equal(elements.localVideo.muted, true);
    assert.equal(elements.mediaNotice.textContent, 'Camera unavailable');
    assert.equal(elements.mediaNotice.hidden, false);
    assert.equal(elements.selfTile.getAttribute('data-has-video'), 'false');
    assert.equal(elements.toggleVideo.disabled, true);
    view.setLocalMedia({ stream: cameraStream('audio', 'video'), notice: '', audioMuted: false, videoMuted: false });
    assert.equal(elements.mediaNotice.hidden, true);
    assert.equal(elements.selfTile.getAttribute('data-has-video'), 'true');
  });

  test('Enter sends the chat input, Shift+Enter does not', () => {
    const { elements, view, actions } = roomView();
    view.render(state([]));
    elements.chatInput.value = 'hello';
    elements.chatInput.dispatch('keydown', { key: 'Enter', shiftKey: true });
    assert.deepEqual(actions.chats, []);
    const event = elements.chatInput.dispatch('keydown', { key: 'Enter', shiftKey: false });
    assert.equal(event.defaultPrevented, true);
    assert.deepEqual(actions.chats, ['hello']);
    assert.equal(elements.chatInput.value, '');
  });

  test('leaving the room clears tiles, list and chat', () => {
    const { elements, view } = roomView();
    view.render(state([bob], [{ messageId: 'm1', authorId: 'pBob', authorName: 'Bob', text: 'hi' }]));
    view.render({ phase: 'lobby', participants: [], chat: [] });
    assert.equal(elements.chatLog.children.length, 0);
    assert.equal(elements.participantList.children.length, 0);
    assert.deepEqual(elements.strip.children, [elements.selfTile]);
  });
});

describe('call controls', () => {
  function controls({ canShare = true } = {}) {
    const doc = new FakeDocument();
    const ids = ['leaveButton', 'toggleAudio', 'toggleVideo', 'toggleShare', 'micSelect', 'cameraSelect', 'mediaNotice'];
    const elements = Object.fromEntries(ids.map(id => [id, doc.createElement(id.endsWith('Select') ? 'select' : 'button')]));
    const clicks = [];
    const actions = {
      leave: () => clicks.push('leave'),
      toggle: kind => clicks.push(`toggle:${kind}`),
      share: () => clicks.push('share'),
      switchDevice: (kind, deviceId) => clicks.push(`${kind}:${deviceId}`),
      canShare: () => canShare,
    };
    return { view: new CallControlsView({ doc, elements, actions }), elements, clicks };
  }

  test('buttons say what they do and are disabled for media that is not sent', () => {
    const { view, elements } = controls();
    view.render({ stream: cameraStream('audio'), notice: 'Camera unavailable', audioMuted: true, videoMuted: false, sharing: false });
    assert.equal(elements.toggleAudio.textContent, 'Unmute', 'the label says what pressing it does');
    assert.equal(elements.toggleAudio.getAttribute('data-state'), 'off');
    assert.equal(elements.toggleAudio.getAttribute('title'), 'Unmute (M)', 'the shortcut is in the tooltip');
    assert.equal(elements.toggleVideo.textContent, 'No camera');
    assert.equal(elements.toggleVideo.disabled, true);
    assert.equal(elements.toggleShare.hidden, false);
    assert.equal(elements.mediaNotice.hidden, false);

    view.render({ stream: cameraStream('audio', 'video'), notice: '', audioMuted: false, videoMuted: false, sharing: true });
    assert.equal(elements.toggleShare.textContent, 'Stop sharing');
    assert.equal(elements.mediaNotice.hidden, true);
  });

  test('a participant who cannot share has no share button', () => {
    const { view, elements } = controls({ canShare: false });
    view.render({ stream: null, notice: 'No camera or microphone', audioMuted: false, videoMuted: false, sharing: false });
    assert.equal(elements.toggleShare.hidden, true);
    assert.equal(elements.toggleAudio.textContent, 'No microphone');
  });

  test('device pickers list the devices, keep the one in use, and switch on change', () => {
    const { view, elements, clicks } = controls();
    const devices = [
      { kind: 'audioinput', deviceId: 'mic-1', label: 'Desk mic' },
      { kind: 'audioinput', deviceId: 'mic-2', label: '' },
      { kind: 'videoinput', deviceId: 'cam-1', label: 'Webcam' },
      { kind: 'audiooutput', deviceId: 'out-1', label: 'Speakers' },
    ];
    view.setDevices(devices, { audio: 'mic-2', video: 'cam-1' });
    assert.deepEqual(elements.micSelect.options.map(o => [o.value, o.textContent]), [['mic-1', 'Desk mic'], ['mic-2', 'Microphone 2']]);
    assert.equal(elements.micSelect.value, 'mic-2');
    assert.equal(elements.micSelect.disabled, false);
    assert.equal(elements.cameraSelect.disabled, true, 'one camera leaves nothing to choose');
    elements.micSelect.value = 'mic-1';
    elements.micSelect.dispatch('change');
    elements.toggleVideo.dispatch('click');
    elements.leaveButton.dispatch('click');
    assert.deepEqual(clicks, ['audio:mic-1', 'toggle:video', 'leave']);
  });
});

test('connection status carries its state for styling and tests', () => {
  const doc = new FakeDocument();
  const node = doc.createElement('span');
  showConnectionStatus(node, 'lost');
  assert.equal(node.getAttribute('data-state'), 'lost');
  assert.match(node.textContent, /lost/i);
});

test('error texts prefer the server message and keep link-closed silent', () => {
  assert.equal(errorText('room-full', 'The room is full (6 participants)'), 'The room is full (6 participants)');
  assert.equal(errorText('room-full', ''), 'The room is full.');
  assert.match(errorText('brand-new-code'), /brand-new-code/);
  assert.match(errorText('server-full', ''), /server is full/);
  assert.match(errorText('rate-limited', ''), /slow down/);
  assert.equal(isSilentError('link-closed'), true);
  assert.equal(isSilentError('room-full'), false);
});

describe('chat unread and new-messages marker', () => {
  function chatView() {
    const doc = new FakeDocument();
    const elements = Object.fromEntries(['chatLog', 'chatForm', 'chatInput', 'chatUnread', 'chatJump'].map(id => [id, doc.createElement('div')]));
    const counts = [];
    const view = new ChatView({ doc, elements, send: () => true, onUnread: n => counts.push(n) });
    return { view, elements, counts };
  }
  const msg = (id, author = 'pBob') => ({ messageId: id, authorId: author, authorName: author, text: id, sentAt: null });

  test('messages from others while the chat is closed are counted; own ones are not', () => {
    const { view, elements } = chatView();
    view.render([msg('m1')], 'pAnn');
    view.setVisible(false);
    view.render([msg('m1'), msg('m2'), msg('m3', 'pAnn'), msg('m4')], 'pAnn');
    assert.equal(elements.chatUnread.textContent, '2');
    assert.equal(elements.chatUnread.hidden, false);
    assert.equal(elements.chatUnread.getAttribute('aria-label'), '2 unread messages');
  });

  test('opening the chat puts the marker before the first unread message and clears the count', () => {
    const { view, elements } = chatView();
    view.render([msg('m1')], 'pAnn');
    view.setVisible(false);
    view.render([msg('m1'), msg('m2'), msg('m3')], 'pAnn');
    view.setVisible(true);
    const order = elements.chatLog.children.map(n => (n.classList.contains('new-messages') ? 'marker' : n.getAttribute('data-message-id')));
    assert.deepEqual(order, ['m1', 'marker', 'm2', 'm3']);
    assert.equal(elements.chatUnread.hidden, true);
    view.setVisible(false);
    view.setVisible(true);
    assert.equal(elements.chatLog.children.filter(n => n.classList.contains('new-messages')).length, 0, 'nothing new: no marker');
  });

  test('a reader scrolled up gets a "new messages below" button instead of a jump', () => {
    const { view, elements } = chatView();
    view.render([msg('m1')], 'pAnn');
    elements.chatLog.scrollHeight = 1000;
    elements.chatLog.clientHeight = 200;
    elements.chatLog.scrollTop = 100;
    view.render([msg('m1'), msg('m2')], 'pAnn');
    assert.equal(elements.chatJump.hidden, false);
    assert.equal(elements.chatLog.scrollTop, 100);
    elements.chatJump.dispatch('click');
    assert.equal(elements.chatLog.scrollTop, 1000);
    assert.equal(elements.chatJump.hidden, true);
  });
});

test('without a camera the camera picker is replaced by "No camera found", not left empty', () => {
  const doc = new FakeDocument();
  const elements = Object.fromEntries(['leaveButton', 'toggleAudio', 'toggleVideo', 'mediaNotice', 'cameraNone', 'micNone']
    .map(id => [id, doc.createElement('div')]));
  elements.micSelect = doc.createElement('select');
  elements.cameraSelect = doc.createElement('select');
  const view = new CallControlsView({ doc, elements, actions: { leave() {}, toggle() {} } });
  view.setDevices([{ kind: 'audioinput', deviceId: 'mic-1', label: 'Mic' }], { audio: 'mic-1' });
  assert.equal(elements.cameraSelect.hidden, true);
  assert.equal(elements.cameraNone.hidden, false);
  assert.equal(elements.micSelect.hidden, false);
  assert.equal(elements.micNone.hidden, true);
});
