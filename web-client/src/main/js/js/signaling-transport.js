/**
 * The page's one STOMP connection (docs/signaling-protocol.md), wrapped so that the rest of the app
 * sees only send(destination, body), onEvent(handler) and onStatus(handler).
 *
 * The STOMP client itself is injected (see stomp-transport.js), which keeps @stomp/stompjs out of
 * every other module and lets node tests drive this one with a fake client.
 */

/** Where the server pushes everything addressed to this connection, and the lobby broadcast. */
export const SUBSCRIPTIONS = Object.freeze(['/user/queue/events', '/topic/lobby']);

/** The server offers and expects 2000 ms both ways; it drops a connection silent for three. */
export const HEARTBEAT_MS = 2000;

/**
 * Waits before each new attempt after a dropped connection: about 20 s in all, the server's default
 * reconnect grace period (docs/signaling-protocol.md#reconnecting).
 */
export const RECONNECT_DELAYS_MS = Object.freeze([500, 1000, 2000, 4000, 6000, 6000]);

/** ws(s)://<host>/<context>/signaling, relative to the page so a context path keeps working. */
export function signalingUrl(baseUri) {
  const url = new URL('signaling', baseUri);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.hash = '';
  url.search = '';
  return url.href;
}

export class SignalingTransport {
  /**
   * @param {object} options
   * @param {string} options.brokerURL
   * @param {(config: object) => object} options.createClient builds a stompjs-compatible Client
   * @param {{warn: Function}} [options.log]
   * @param {number[]} [options.reconnectDelaysMs] waits before each new attempt after a drop; empty
   *   (the default) makes a drop final
   * @param {(fn: Function, ms: number) => unknown} [options.setTimer]
   */
  constructor({ brokerURL, createClient, log = console, reconnectDelaysMs = [], setTimer = (fn, ms) => setTimeout(fn, ms) }) {
    this.brokerURL = brokerURL;
    this.createClient = createClient;
    this.log = log;
    this.reconnectDelaysMs = reconnectDelaysMs;
    this.setTimer = setTimer;
    /** Attempts since the last connection that reached `connected`. */
    this.attempt = 0;
    this.status = 'connecting';
    this.eventHandlers = [];
    this.statusHandlers = [];
    this.client = null;
  }

  /** @param {(event: object) => void} handler called with every parsed server message */
  onEvent(handler) {
    this.eventHandlers.push(handler);
  }

  /** @param {(status: 'connecting'|'connected'|'reconnecting'|'lost') => void} handler */
  onStatus(handler) {
    this.statusHandlers.push(handler);
  }

  /** Called with the reason when the server closes the WebSocket with one (e.g. "too-many-connections"). */
  onCloseReason(handler) {
    (this.closeReasonHandlers ??= []).push(handler);
  }

  connect() {
    if (this.client) return;
    this.#setStatus('connecting');
    this.#open();
  }

  /**
   * Closes the WebSocket under STOMP without a DISCONNECT frame, as a network drop would; for tests
   * and debugging.
   */
  dropConnection() {
    const client = this.client;
    if (!client) return;
    if (typeof client.forceDisconnect === 'function') client.forceDisconnect();
    else client.webSocket?.close?.();
  }

  #open() {
    const client = this.createClient({
      brokerURL: this.brokerURL,
      heartbeatIncoming: HEARTBEAT_MS,
      heartbeatOutgoing: HEARTBEAT_MS,
      // Each attempt is a new client (see #dropped), so the app learns of every drop and can resume.
      reconnectDelay: 0,
      // A silent connection must count as lost now, not when TCP finally gives up.
      discardWebsocketOnCommFailure: true,
      connectionTimeout: 10000,
      onConnect: () => {
        if (client !== this.client) return;
        for (const destination of SUBSCRIPTIONS) {
          client.subscribe(destination, message => this.#deliver(message));
        }
        this.attempt = 0;
        this.#setStatus('connected');
      },
      onStompError: frame => {
        this.log.warn('STOMP error from server', frame?.headers?.message ?? '', frame?.body ?? '');
      },
      onWebSocketClose: event => {
        if (client !== this.client) return;
        const reason = typeof event?.reason === 'string' ? event.reason : '';
        if (reason) for (const handler of this.closeReasonHandlers ?? []) handler(reason);
        this.#dropped();
      },
    });
    this.client = client;
    client.activate();
  }

  /** Tries again after the next delay while any are left, and is lost after that. */
  #dropped() {
    if (this.status === 'lost') return;
    const delay = this.reconnectDelaysMs[this.attempt];
    if (delay === undefined) {
      this.#setStatus('lost');
      return;
    }
    this.attempt += 1;
    const dead = this.client;
    this.#setStatus('reconnecting');
    this.setTimer(() => {
      if (this.client !== dead || this.status === 'lost') return;
      dead.deactivate?.();
      this.#open();
    }, delay);
  }

  /** @returns {boolean} false when there is no connection to send on */
  send(destination, body) {
    if (this.status !== 'connected' || !this.client || this.client.connected === false) return false;
    this.client.publish({
      destination,
      body: JSON.stringify(body ?? {}),
      headers: { 'content-type': 'application/json' },
    });
    return true;
  }

  #deliver(message) {
    let event;
    try {
      event = JSON.parse(message.body);
    } catch (err) {
      this.log.warn('unreadable message from server', err);
      return;
    }
    if (!event || typeof event.type !== 'string') return;
    for (const handler of this.eventHandlers) {
      try {
        handler(event);
      } catch (err) {
        this.log.warn(`handling ${event.type} failed`, err);
      }
    }
  }

  #setStatus(status) {
    // Once lost, stay lost: nothing reconnects, and a late callback must not flip it back.
    if (this.status === 'lost' || this.status === status) return;
    this.status = status;
    this.#emit(status);
  }

  #emit(status) {
    for (const handler of this.statusHandlers) {
      try {
        handler(status);
      } catch (err) {
        this.log.warn('status handler failed', err);
      }
    }
  }
}
