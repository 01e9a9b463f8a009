import { test } from 'node:test';
import assert from 'node:assert/strict';

import { HEARTBEAT_MS, SignalingTransport, signalingUrl } from '../../main/js/js/signaling-transport.js';
import { recordingLog } from './support/link-harness.js';

/** Stands in for @stomp/stompjs' Client: records what the wrapper does with it. */
class FakeStompClient {
  constructor(config) {
    this.config = config;
    this.activated = 0;
    this.subscriptions = new Map();
    this.published = [];
    this.connected = false;
  }

  activate() {
    this.activated += 1;
  }

  subscribe(destination, callback) {
    this.subscriptions.set(destination, callback);
    return { unsubscribe() {} };
  }

  publish(params) {
    this.published.push(params);
  }

  // What the broker does:
  open() {
    this.connected = true;
    this.config.onConnect({ headers: {} });
  }

  deliver(destination, body) {
    this.subscriptions.get(destination)({ body });
  }

  drop() {
    this.connected = false;
    this.config.onWebSocketClose({ code: 1006 });
  }
}

function transport() {
  let client;
  const t = new SignalingTransport({
    brokerURL: 'ws://localhost:8080/signaling',
    createClient: config => (client = new FakeStompClient(config)),
    log: recordingLog(),
  });
  const statuses = [];
  const events = [];
  t.onStatus(status => statuses.push(status));
  t.onEvent(event => events.push(event));
  t.connect();
  return { t, client, statuses, events };
}

test('connects with 2000/2000 heart-beats and without automatic reconnects', () => {
  const { client } = transport();
  assert.equal(HEARTBEAT_MS, 2000);
  assert.equal(client.config.heartbeatIncoming, 2000);
  assert.equal(client.config.heartbeatOutgoing, 2000);
  assert.equal(client.config.reconnectDelay, 0);
  assert.equal(client.config.discardWebsocketOnCommFailure, true);
  assert.equal(client.config.brokerURL, 'ws://localhost:8080/signaling');
  assert.equal(client.activated, 1);
});

test('subscribes to its own queue and the lobby, then reports connected', () => {
  const { client, statuses } = transport();
  assert.deepEqual(statuses, []);
  client.open();
  assert.deepEqual([...client.subscriptions.keys()], ['/user/queue/events', '/topic/lobby']);
  assert.deepEqual(statuses, ['connected']);
});

test('messages from both subscriptions arrive parsed; unreadable ones are dropped', () => {
  const { client, events } = transport();
  client.open();
  client.deliver('/topic/lobby', '{"type":"rooms","rooms":[]}');
  client.deliver('/user/queue/events', '{"type":"chat","roomId":"r1"}');
  client.deliver('/user/queue/events', 'not json');
  client.deliver('/user/queue/events', '{"no":"type"}');
  assert.deepEqual(events.map(e => e.type), ['rooms', 'chat']);
});

test('send publishes JSON with its content type, and refuses while not connected', () => {
  const { t, client } = transport();
  assert.equal(t.send('/app/lobby.rooms', {}), false);
  assert.deepEqual(client.published, []);
  client.open();
  assert.equal(t.send('/app/chat.send', { roomId: 'r1', text: 'hi' }), true);
  assert.deepEqual(client.published, [
    { destination: '/app/chat.send', body: '{"roomId":"r1","text":"hi"}', headers: { 'content-type': 'application/json' } },
  ]);
});

test('a dropped connection is reported as lost, and stays lost', () => {
  const { t, client, statuses } = transport();
  client.open();
  client.drop();
  client.config.onConnect({ headers: {} });
  assert.deepEqual(statuses, ['connected', 'lost']);
  assert.equal(t.send('/app/lobby.rooms', {}), false);
});

test('a server that never answers ends in lost, not in connecting forever', () => {
  const { client, statuses } = transport();
  client.drop();
  assert.deepEqual(statuses, ['lost']);
});

test('the signaling URL follows the page: scheme, host and context path', () => {
  assert.equal(signalingUrl('http://localhost:8080/'), 'ws://localhost:8080/signaling');
  assert.equal(signalingUrl('https://chat.example.org/'), 'wss://chat.example.org/signaling');
  assert.equal(signalingUrl('https://example.org/chat/?x=1#y'), 'wss://example.org/chat/signaling');
});

function reconnectingTransport(delays = [100, 200]) {
  const clients = [];
  const timers = [];
  const t = new SignalingTransport({
    brokerURL: 'ws://localhost:8080/signaling',
    createClient: config => {
      const client = new FakeStompClient(config);
      clients.push(client);
      return client;
    },
    log: recordingLog(),
    reconnectDelaysMs: delays,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
  });
  const statuses = [];
  t.onStatus(status => statuses.push(status));
  t.connect();
  return { t, clients, timers, statuses };
}

test('with reconnect delays a drop is reported as reconnecting and retried with a new client after backoff', () => {
  const { t, clients, timers, statuses } = reconnectingTransport();
  clients[0].open();
  clients[0].drop();
  assert.deepEqual(statuses, ['connected', 'reconnecting']);
  assert.equal(t.send('/app/lobby.rooms', {}), false);
  assert.deepEqual(timers.map(timer => timer.ms), [100]);

  timers[0].fn();
  assert.equal(clients.length, 2);
  clients[1].open();
  assert.deepEqual(statuses, ['connected', 'reconnecting', 'connected']);
  assert.ok(clients[1].subscriptions.has('/user/queue/events'));
  assert.equal(t.send('/app/lobby.rooms', {}), true);
});

test('failed attempts back off further and end in lost when the delays run out', () => {
  const { clients, timers, statuses } = reconnectingTransport();
  clients[0].open();
  clients[0].drop();
  timers[0].fn();
  clients[1].drop();
  timers[1].fn();
  clients[2].drop();
  assert.deepEqual(timers.map(timer => timer.ms), [100, 200]);
  assert.deepEqual(statuses, ['connected', 'reconnecting', 'lost']);
});

test('a successful reconnect starts the backoff afresh', () => {
  const { clients, timers } = reconnectingTransport();
  clients[0].open();
  clients[0].drop();
  timers[0].fn();
  clients[1].open();
  clients[1].drop();
  assert.deepEqual(timers.map(timer => timer.ms), [100, 100]);
});

test('dropConnection closes the socket without a DISCONNECT, and late callbacks of the old client are ignored', () => {
  const { t, clients, timers, statuses } = reconnectingTransport();
  clients[0].open();
  let forced = 0;
  clients[0].forceDisconnect = () => {
    forced += 1;
    clients[0].drop();
  };
  t.dropConnection();
  assert.equal(forced, 1);
  timers[0].fn();
  clients[0].config.onConnect({ headers: {} });
  assert.deepEqual(statuses, ['connected', 'reconnecting']);
});

test('a close with a reason from the server is passed on, and the transport still retries', () => {
  const { t, client, statuses } = transport();
  const reasons = [];
  t.onCloseReason(reason => reasons.push(reason));
  client.open();

  client.connected = false;
  client.config.onWebSocketClose({ code: 1008, reason: 'too-many-connections' });
  client.config.onWebSocketClose({ code: 1006, reason: '' });

  assert.deepEqual(reasons, ['too-many-connections']);
  assert.equal(statuses.at(-1), 'lost');
});
