/**
 * The only module that imports @stomp/stompjs (mapped by index.html's import map to the WebJar that
 * Spring Boot serves under /webjars/). Everything else talks to SignalingTransport.
 */
import { Client } from '@stomp/stompjs';
import { SignalingTransport } from './signaling-transport.js';

export function createStompTransport({ brokerURL, reconnectDelaysMs = [] }) {
  return new SignalingTransport({ brokerURL, reconnectDelaysMs, createClient: config => new Client(config) });
}
