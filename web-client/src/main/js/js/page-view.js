/**
 * The parts of the page outside lobby and room: the error banner and the connection status.
 */

import { setVisible } from './dom.js';

export const CONNECTION_TEXT = Object.freeze({
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  restarting: 'Server restarting — reconnecting…',
  lost: 'Connection lost. Reload the page to reconnect.',
});

export class ErrorBanner {
  /** @param {{banner: HTMLElement, text: HTMLElement, dismiss: HTMLElement}} elements */
  constructor({ banner, text, dismiss }) {
    this.banner = banner;
    this.text = text;
    dismiss.addEventListener('click', () => this.clear());
    this.clear();
  }

  show(code, message) {
    this.banner.setAttribute('data-error-code', code ?? '');
    this.text.textContent = message ?? '';
    setVisible(this.banner, true);
  }

  clear() {
    this.banner.setAttribute('data-error-code', '');
    this.text.textContent = '';
    setVisible(this.banner, false);
  }
}

/** @param {HTMLElement} node the #connection-status element */
export function showConnectionStatus(node, state) {
  node.setAttribute('data-state', state);
  node.textContent = CONNECTION_TEXT[state] ?? state;
  node.ownerDocument?.body?.setAttribute('data-connection', state);
}
