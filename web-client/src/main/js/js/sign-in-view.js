/**
 * Host sign-in in the lobby: whether this server lets only signed-in hosts create rooms, who is signed
 * in, and the sign-in / sign-out links. What the server says comes from GET /session; the WebSocket
 * handshake carries the same browser session, so a page loaded after signing in creates rooms.
 */

import { setVisible } from './dom.js';

/**
 * @param {object|null} session the body of GET /session, or null before it arrived or when it failed
 * @returns {{mayCreate: boolean, text: string, link: {href: string, text: string}|null}}
 */
export function signInState(session) {
  if (!session) return { mayCreate: true, text: '', link: null };
  if (session.signedIn) {
    return {
      mayCreate: true,
      text: `Signed in as ${session.user}`,
      link: session.signOutUrl ? { href: session.signOutUrl, text: 'Sign out' } : null,
    };
  }
  if (session.roomCreation === 'signed-in') {
    return {
      mayCreate: false,
      text: 'Only signed-in hosts can create rooms on this server. Anyone can join a room.',
      link: session.signInUrl ? { href: session.signInUrl, text: 'Sign in to create rooms' } : null,
    };
  }
  return {
    mayCreate: true,
    text: '',
    link: session.signInUrl ? { href: session.signInUrl, text: 'Host sign-in' } : null,
  };
}

export class SignInView {
  /** @param {{box: HTMLElement, text: HTMLElement, link: HTMLAnchorElement}} elements */
  constructor(elements) {
    this.el = elements;
    this.state = signInState(null);
  }

  /** @returns {boolean} whether this page may create rooms */
  get mayCreate() {
    return this.state.mayCreate;
  }

  render(session) {
    this.state = signInState(session);
    const { box, text, link } = this.el;
    text.textContent = this.state.text;
    box.setAttribute('data-may-create', this.state.mayCreate ? 'true' : 'false');
    if (this.state.link) {
      link.setAttribute('href', this.state.link.href);
      link.textContent = this.state.link.text;
    }
    setVisible(link, Boolean(this.state.link));
    setVisible(box, Boolean(this.state.text || this.state.link));
  }
}

/** Asks the server; resolves to null when it cannot say (the page then behaves as before). */
export async function fetchSession(fetchImpl, baseUri) {
  try {
    const response = await fetchImpl(new URL('session', baseUri), { credentials: 'same-origin' });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}
