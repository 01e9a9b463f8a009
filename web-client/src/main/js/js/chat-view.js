/**
 * The room's chat: the message log, kept in step with the room state's chat without rebuilding
 * messages, and the input (Enter sends, Shift+Enter starts a new line). Text only through
 * textContent (see dom.js).
 */

import { element } from './dom.js';

/** "10:15" in the viewer's locale, or '' for a missing or unreadable timestamp. */
export function formatTime(sentAt) {
  if (!sentAt) return '';
  const date = new Date(sentAt);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
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
  const text = element(doc, 'div', { className: 'chat-text', text: message.text });
  item.append(meta, text);
  return item;
}

export class ChatView {
  /**
   * @param {object} options
   * @param {Document} options.doc
   * @param {{chatLog: HTMLElement, chatForm: HTMLFormElement, chatInput: HTMLTextAreaElement}} options.elements
   * @param {(text: string) => boolean} options.send true when the message went out
   */
  constructor({ doc, elements, send }) {
    this.doc = doc;
    this.el = elements;
    this.send = send;
    /** messageId -> chat item */
    this.messages = new Map();
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
  }

  render(chat, selfId) {
    const log = this.el.chatLog;
    const keep = new Set(chat.map(m => m.messageId));
    for (const [id, item] of this.messages) {
      if (!keep.has(id)) {
        item.remove();
        this.messages.delete(id);
      }
    }
    const nearBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
    let ownAdded = false;
    for (const message of chat) {
      if (this.messages.has(message.messageId)) continue;
      const item = buildChatMessage(this.doc, message, selfId);
      this.messages.set(message.messageId, item);
      log.append(item);
      ownAdded ||= message.authorId === selfId;
    }
    // Follow the conversation unless the reader scrolled up to read older messages.
    if (nearBottom || ownAdded) log.scrollTop = log.scrollHeight;
  }

  clear() {
    for (const item of this.messages.values()) item.remove();
    this.messages.clear();
    this.el.chatInput.value = '';
  }

  #sendInput() {
    const input = this.el.chatInput;
    if (this.send(input.value)) input.value = '';
    input.focus();
  }
}
