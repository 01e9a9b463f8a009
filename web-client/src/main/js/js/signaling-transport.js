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
   */
  constructor({ brokerURL, createClient, log = console }) {
    this.brokerURL = brokerURL;
    this.createClient = createClient;
    this.log = log;
    this.status = 'connecting';
    this.eventHandlers = [];
    this.statusHandlers = [];
    this.client = null;
  }

  /** @param {(event: object) => void} handler called with every parsed server message */
  onEvent(handler) {
    this.eventHandlers.push(handler);
  }

  /** @param {(status: 'connecting'|'connected'|'lost') => void} handler */
  onStatus(handler) {
    this.statusHandlers.push(handler);
  }

  connect() {
    if (this.client) return;
    this.#setStatus('connecting');
    this.client = this.createClient({
      brokerURL: this.brokerURL,
      heartbeatIncoming: HEARTBEAT_MS,
      heartbeatOutgoing: HEARTBEAT_MS,
      // Reconnecting would also need re-joining; until the app can do that, a drop is final.
      reconnectDelay: 0,
      // A silent connection must count as lost now, not when TCP finally gives up.
      discardWebsocketOnCommFailure: true,
      connectionTimeout: 10000,
      onConnect: () => {
        for (const destination of SUBSCRIPTIONS) {
          this.client.subscribe(destination, message => this.#deliver(message));
        }
        this.#setStatus('connected');
      },
      onStompError: frame => {
        this.log.warn('STOMP error from server', frame?.headers?.message ?? '', frame?.body ?? '');
      },
      onWebSocketClose: () => {
        this.#setStatus('lost');
      },
    });
    this.client.activate();
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
