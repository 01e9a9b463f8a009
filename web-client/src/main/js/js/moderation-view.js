/**
 * What hosts see and use, and what everyone sees of roles: a host panel in the sidebar (lock,
 * waiting room and who waits in it, microphones, password, end for all), a host menu on each tile,
 * role badges on tiles, and the notices of what a host did (in an aria-live region). Clicks go to the
 * injected actions; the pure rules are moderation-state.js's.
 */

import { element, setVisible, syncKeyed } from './dom.js';
import { hostActionsFor, isHost } from './moderation-state.js';

export const ACTION_LABELS = Object.freeze({
  mute: 'Mute microphone',
  'ask-unmute': 'Ask to unmute',
  'stop-camera': 'Stop camera',
  'stop-screen': 'Stop screen share',
  'make-co-host': 'Make co-host',
  'make-participant': 'Remove co-host role',
  'make-host': 'Make host',
  'lower-hand': 'Lower hand',
  remove: 'Remove from meeting',
});

const ROLE_LABELS = Object.freeze({ host: 'Host', 'co-host': 'Co-host' });

/** A button that shows an on/off setting through aria-pressed. */
function toggleButton(doc, id, label) {
  return element(doc, 'button', { text: label, attrs: { type: 'button', id, 'aria-pressed': 'false' } });
}

/** One knock in the hosts' waiting list, with Admit and Deny; `answer(action, knockId)` gets the clicks. */
export function buildKnockItem(doc, knock, answer = () => {}) {
  const root = element(doc, 'li', { className: 'knock', attrs: { 'data-knock-id': knock.knockId } });
  const name = element(doc, 'span', { className: 'knock-name', text: knock.displayName });
  const admit = element(doc, 'button', {
    className: 'primary', text: 'Admit', attrs: { type: 'button', 'data-knock-action': 'admit' },
  });
  const deny = element(doc, 'button', { text: 'Deny', attrs: { type: 'button', 'data-knock-action': 'deny' } });
  admit.setAttribute('aria-label', `Admit ${knock.displayName}`);
  deny.setAttribute('aria-label', `Deny ${knock.displayName}`);
  admit.addEventListener('click', () => answer('admit', knock.knockId));
  deny.addEventListener('click', () => answer('deny', knock.knockId));
  root.append(name, admit, deny);
  return { root, name };
}

export class ModerationView {
  /**
   * @param {object} options
   * @param {Document} options.doc
   * @param {HTMLElement} options.sidebar where the host panel goes
   * @param {HTMLElement} options.notices where the notices go (an aria-live region is made inside)
   * @param {(participantId: string) => HTMLElement|null} options.findTile a participant's tile ('self' for one's own)
   * @param {{host(action: string, options: object): void, unmute(): void}} options.actions
   * @param {HTMLButtonElement} [options.toggleAudio] the mute button, held while the hosts hold the microphone
   */
  constructor({ doc, sidebar, notices, findTile, actions, toggleAudio = null }) {
    this.doc = doc;
    this.toggleAudio = toggleAudio;
    this.findTile = findTile;
    this.actions = actions;
    /** knockId -> parts of its item */
    this.knocks = new Map();
    this.state = null;
    this.confirmingEnd = false;
    this.#buildPanel(sidebar);
    this.#buildNotices(notices);
  }

  render(state) {
    this.state = state;
    this.#holdMicrophone(state);
    const host = isHost(state);
    setVisible(this.panel, host);
    if (state.phase !== 'in-room') {
      this.#renderTiles(state, []);
      return;
    }
    const settings = state.settings;
    const press = (button, on) => button.setAttribute('aria-pressed', on ? 'true' : 'false');
    press(this.lock, settings.locked);
    this.lock.textContent = settings.locked ? 'Unlock room' : 'Lock room';
    press(this.waitingRoom, settings.waitingRoom);
    this.waitingRoom.textContent = settings.waitingRoom ? 'Turn waiting room off' : 'Turn waiting room on';
    press(this.microphones, settings.hostsControlMicrophones);
    this.microphones.textContent = settings.hostsControlMicrophones ? 'Let everyone unmute' : 'Hosts control microphones';
    setVisible(this.clearPassword, settings.passwordRequired);
    this.passwordState.textContent = settings.passwordRequired ? 'A password is set.' : 'No password.';
    syncKeyed({
      container: this.waitingList,
      map: this.knocks,
      items: host ? state.waitingList : [],
      keyOf: knock => knock.knockId,
      create: knock => buildKnockItem(this.doc, knock, (action, knockId) => this.actions.host(action, { knockId })),
      update: (parts, knock) => {
        if (parts.name.textContent !== knock.displayName) parts.name.textContent = knock.displayName;
      },
    });
    setVisible(this.waitingEmpty, host && settings.waitingRoom && state.waitingList.length === 0);
    this.#renderTiles(state, state.participants);
  }

  /** Shows what a host did (or who knocked); screen readers hear it from the live region. */
  showNotice({ kind, text }) {
    this.noticeText.textContent = text;
    this.noticeBox.setAttribute('data-kind', kind ?? '');
    setVisible(this.unmuteButton, kind === 'unmute-request');
    setVisible(this.noticeBox, true);
  }

  clearNotice() {
    this.noticeText.textContent = '';
    setVisible(this.noticeBox, false);
  }

  /** While the hosts hold the own microphone, the mute button says so and cannot unmute. */
  #holdMicrophone(state) {
    const button = this.toggleAudio;
    if (!button) return;
    const held = state.phase === 'in-room' && state.self?.mayUnmute === false && state.self?.audioMuted;
    button.setAttribute('data-held-by-host', held ? 'true' : 'false');
    if (!held) return;
    button.disabled = true;
    button.textContent = 'Muted by host';
    button.setAttribute('title', 'The hosts control microphones; a host can ask you to unmute');
  }

  #buildPanel(sidebar) {
    const doc = this.doc;
    this.panel = element(doc, 'section', { className: 'card host-panel', attrs: { id: 'host-panel', 'aria-labelledby': 'host-panel-heading' } });
    const heading = element(doc, 'h3', { text: 'Host controls', attrs: { id: 'host-panel-heading' } });
    this.lock = toggleButton(doc, 'host-lock', 'Lock room');
    this.waitingRoom = toggleButton(doc, 'host-waiting-room', 'Turn waiting room on');
    this.microphones = toggleButton(doc, 'host-microphones', 'Hosts control microphones');
    const toggles = element(doc, 'div', { className: 'host-toggles' });
    toggles.append(this.lock, this.waitingRoom, this.microphones);

    const waitingHeading = element(doc, 'h4', { text: 'Waiting to come in' });
    this.waitingList = element(doc, 'ul', { className: 'waiting-list', attrs: { id: 'waiting-list' } });
    this.waitingEmpty = element(doc, 'p', { className: 'empty', text: 'Nobody is waiting.' });

    const passwordForm = element(doc, 'form', { className: 'host-password', attrs: { id: 'host-password-form', novalidate: '' } });
    const passwordLabel = element(doc, 'label', { text: 'Room password', attrs: { for: 'host-password' } });
    this.password = element(doc, 'input', { attrs: { id: 'host-password', type: 'password', autocomplete: 'new-password' } });
    const setPassword = element(doc, 'button', { text: 'Set password', attrs: { type: 'submit', id: 'host-password-set' } });
    this.clearPassword = element(doc, 'button', { text: 'Remove password', attrs: { type: 'button', id: 'host-password-clear' } });
    this.passwordState = element(doc, 'span', { className: 'hint', attrs: { id: 'host-password-state' } });
    passwordForm.append(passwordLabel, this.password, setPassword, this.clearPassword, this.passwordState);

    this.end = element(doc, 'button', { className: 'danger', text: 'End meeting for all', attrs: { type: 'button', id: 'host-end' } });
    this.panel.append(heading, toggles, waitingHeading, this.waitingList, this.waitingEmpty, passwordForm, this.end);
    setVisible(this.panel, false);
    sidebar.append(this.panel);

    const settings = () => this.state?.settings ?? {};
    this.lock.addEventListener('click', () => this.actions.host('lock', { locked: !settings().locked }));
    this.waitingRoom.addEventListener('click', () => this.actions.host('waiting-room', { enabled: !settings().waitingRoom }));
    this.microphones.addEventListener('click', () => this.actions.host('microphones', {
      hostsControl: !settings().hostsControlMicrophones,
    }));
    passwordForm.addEventListener('submit', event => {
      event.preventDefault();
      if (this.password.value === '') return;
      this.actions.host('password', { password: this.password.value });
      this.password.value = '';
    });
    this.clearPassword.addEventListener('click', () => this.actions.host('password', { password: null }));
    // Ending for everyone cannot be undone: the first click asks, the second ends.
    this.end.addEventListener('click', () => {
      if (!this.confirmingEnd) {
        this.confirmingEnd = true;
        this.end.textContent = 'Click again to end the meeting for everyone';
        this.end.setAttribute('data-confirming', 'true');
        return;
      }
      this.confirmingEnd = false;
      this.end.textContent = 'End meeting for all';
      this.end.setAttribute('data-confirming', 'false');
      this.actions.host('end', {});
    });
  }

  #buildNotices(container) {
    const doc = this.doc;
    this.noticeBox = element(doc, 'div', {
      className: 'moderation-notice', attrs: { id: 'moderation-notice', role: 'status', 'aria-live': 'polite' },
    });
    this.noticeText = element(doc, 'span', { className: 'moderation-notice-text', attrs: { id: 'moderation-notice-text' } });
    this.unmuteButton = element(doc, 'button', { className: 'primary', text: 'Unmute', attrs: { type: 'button', id: 'notice-unmute' } });
    const dismiss = element(doc, 'button', { text: 'OK', attrs: { type: 'button', id: 'notice-dismiss' } });
    this.noticeBox.append(this.noticeText, this.unmuteButton, dismiss);
    setVisible(this.noticeBox, false);
    setVisible(this.unmuteButton, false);
    container.append(this.noticeBox);
    this.unmuteButton.addEventListener('click', () => {
      this.actions.unmute();
      this.clearNotice();
    });
    dismiss.addEventListener('click', () => this.clearNotice());
  }

  /** Role badges on every tile, and for hosts a menu of the actions that apply to each participant. */
  #renderTiles(state, participants) {
    const self = state.self;
    if (self) this.#decorate(this.findTile('self'), self, []);
    for (const participant of participants) {
      this.#decorate(this.findTile(participant.participantId), participant, hostActionsFor(state, participant));
    }
  }

  #decorate(tile, participant, actions) {
    if (!tile) return;
    let parts = tile.moderationParts;
    if (!parts) {
      parts = this.#buildTileParts(tile, participant);
      tile.moderationParts = parts;
    }
    const roleLabel = ROLE_LABELS[participant.role] ?? '';
    parts.role.textContent = roleLabel;
    setVisible(parts.role, roleLabel !== '');
    tile.setAttribute('data-role', participant.role ?? 'participant');
    tile.setAttribute('data-may-unmute', participant.mayUnmute === false ? 'false' : 'true');
    const key = actions.join(' ');
    if (parts.actionsKey !== key) {
      parts.actionsKey = key;
      parts.menu.replaceChildren(...actions.map(action => {
        const item = element(this.doc, 'button', {
          text: ACTION_LABELS[action],
          attrs: { type: 'button', role: 'menuitem', 'data-host-action': action },
        });
        item.addEventListener('click', () => {
          this.#closeMenu(parts);
          this.actions.host(action, { participantId: participant.participantId });
        });
        return item;
      }));
    }
    if (actions.length === 0) this.#closeMenu(parts);
    setVisible(parts.menuButton, actions.length > 0);
  }

  #buildTileParts(tile, participant) {
    const doc = this.doc;
    const role = element(doc, 'span', { className: 'tile-role' });
    const menuButton = element(doc, 'button', {
      className: 'host-menu-button', text: '⋮',
      attrs: { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-label': `Host actions for ${participant.displayName}` },
    });
    const menu = element(doc, 'div', { className: 'host-menu', attrs: { role: 'menu' } });
    const parts = { role, menuButton, menu, actionsKey: null };
    setVisible(menu, false);
    setVisible(menuButton, false);
    tile.append(role, menuButton, menu);
    menuButton.addEventListener('click', () => {
      if (menu.hidden) this.#openMenu(parts);
      else this.#closeMenu(parts);
    });
    menu.addEventListener('keydown', event => {
      if (event.key === 'Escape') this.#closeMenu(parts);
    });
    return parts;
  }

  #openMenu(parts) {
    setVisible(parts.menu, true);
    parts.menuButton.setAttribute('aria-expanded', 'true');
    parts.menu.children[0]?.focus?.();
  }

  #closeMenu(parts) {
    setVisible(parts.menu, false);
    parts.menuButton.setAttribute('aria-expanded', 'false');
  }
}
