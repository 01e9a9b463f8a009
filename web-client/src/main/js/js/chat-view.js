/**
 * The room's chat: the message log, kept in step with the room state's chat without rebuilding
 * messages; links made clickable safely (chat-links.js); an unread count while the chat is closed
 * and a "new messages" marker where the unread ones begin; the input (Enter sends, Shift+Enter
 * starts a new line). Text only through textContent (see dom.js).
 */

import { element } from './dom.js';
import { linkify } from './chat-links.js';
import { firstUnread, unreadCount } from './chat-state.js';

/** "10:15" in the viewer's locale, or '' for a missing or unreadable timestamp. */
export function formatTime(sentAt) {
  if (!sentAt) return '';
  const date = new Date(sentAt);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** The message text with its http(s) links as <a> elements; everything else stays text. */
export function buildChatText(doc, text) {
  const node = element(doc, 'div', { className: 'chat-text' });
  for (const part of linkify(text)) {
    if (!part.href) {
      node.append(doc.createTextNode(part.text));
      continue;
    }
    const link = element(doc, 'a', {
      text: part.text,
      attrs: { href: part.href, target: '_blank', rel: 'noopener noreferrer' },
    });
    node.append(link);
  }
  return node;
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
  item.append(meta, buildChatText(doc, message.text));
  return item;
}

export class ChatView {
  /**
   * @param {object} options
   * @param {Document} options.doc
   * @param {{chatLog: HTMLElement, chatForm: HTMLFormElement, chatInput: HTMLTextAreaElement,
   *   chatUnread?: HTMLElement, chatJump?: HTMLElement}} options.elements
   * @param {(text: string) => boolean} options.send true when the message went out
   * @param {(count: number) => void} [options.onUnread] the unread count changed
   */
  constructor({ doc, elements, send, onUnread = () => {} }) {
    this.doc = doc;
    this.el = elements;
    this.send = send;
    this.onUnread = onUnread;
    /** messageId -> chat item */
    this.messages = new Map();
    /** Whether the reader can see the chat (panel open on the chat tab). */
    this.visible = true;
    this.lastSeenId = null;
    this.chat = [];
    this.selfId = null;
    this.marker = null;
    this.unread = 0;
    elements.chatForm.addEventListener('submit', event => {
      event.preventDefault();
      this.#sendInput();
    });
    elements.chatInput.addEventListener('keydown', event => {
      // Enter sends, Shift+Enter starts a new line; never while an IME is composing.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.#sendInput();
      }
    });
    elements.chatLog.addEventListener('scroll', () => {
      if (this.#nearBottom()) this.#hideJump();
    });
    elements.chatJump?.addEventListener('click', () => {
      const log = this.el.chatLog;
      log.scrollTop = log.scrollHeight;
      this.#hideJump();
    });
  }

  render(chat, selfId) {
    const log = this.el.chatLog;
    this.chat = chat;
    this.selfId = selfId;
    const keep = new Set(chat.map(m => m.messageId));
    for (const [id, item] of this.messages) {
      if (!keep.has(id)) {
        item.remove();
        this.messages.delete(id);
      }
    }
    const nearBottom = this.#nearBottom();
    let ownAdded = false;
    let othersAdded = false;
    for (const message of chat) {
      if (this.messages.has(message.messageId)) continue;
      const item = buildChatMessage(this.doc, message, selfId);
      this.messages.set(message.messageId, item);
      log.append(item);
      if (message.authorId === selfId) ownAdded = true;
      else othersAdded = true;
    }
    if (this.visible) {
      // Follow the conversation unless the reader scrolled up to read older messages.
      if (nearBottom || ownAdded) {
        log.scrollTop = log.scrollHeight;
        this.#markSeen();
      } else if (othersAdded) {
        this.#showJump();
      }
    }
    this.#updateUnread();
  }

  /** The chat panel was opened or closed. Opening shows where the unread messages begin. */
  setVisible(visible) {
    if (this.visible === visible) return;
    this.visible = visible;
    if (!visible) return;
    const first = firstUnread(this.chat, this.lastSeenId, this.selfId);
    this.#placeMarker(first ? this.messages.get(first.messageId) : null);
    const log = this.el.chatLog;
    log.scrollTop = log.scrollHeight;
    this.#markSeen();
    this.#updateUnread();
  }

  clear() {
    for (const item of this.messages.values()) item.remove();
    this.messages.clear();
    this.#placeMarker(null);
    this.chat = [];
    this.lastSeenId = null;
    this.el.chatInput.value = '';
    this.#hideJump();
    this.#updateUnread();
  }

  #markSeen() {
    this.lastSeenId = this.chat.at(-1)?.messageId ?? this.lastSeenId;
  }

  #updateUnread() {
    const count = this.visible ? 0 : unreadCount(this.chat, this.lastSeenId, this.selfId);
    if (count === this.unread) return;
    this.unread = count;
    const badge = this.el.chatUnread;
    if (badge) {
      badge.textContent = count > 99 ? '99+' : String(count);
      badge.hidden = count === 0;
      badge.setAttribute('aria-label', `${count} unread ${count === 1 ? 'message' : 'messages'}`);
    }
    this.onUnread(count);
  }

  /** The "new messages" divider before `item`; null removes it. */
  #placeMarker(item) {
    this.marker?.remove();
    this.marker = null;
    if (!item) return;
    const marker = element(this.doc, 'li', { className: 'new-messages', text: 'New messages', attrs: { role: 'separator' } });
    const log = this.el.chatLog;
    // The log holds only messages and this marker; rebuild the order around it.
    const items = [...log.children];
    const at = items.indexOf(item);
    log.replaceChildren(...items.slice(0, at), marker, ...items.slice(at));
    this.marker = marker;
  }

  #nearBottom() {
    const log = this.el.chatLog;
    return log.scrollHeight - log.scrollTop - log.clientHeight < 48;
  }

  #showJump() {
    if (this.el.chatJump) this.el.chatJump.hidden = false;
  }

  #hideJump() {
    if (this.el.chatJump) this.el.chatJump.hidden = true;
    if (this.visible) this.#markSeen();
  }

  #sendInput() {
    const input = this.el.chatInput;
    if (this.send(input.value)) input.value = '';
    input.focus();
  }
}
