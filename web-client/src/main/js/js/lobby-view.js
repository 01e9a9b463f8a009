/**
 * The lobby: the live room list (unless the server hides it), the create form and the password
 * dialog for rooms with a password. Joining a room of the list, or creating one, leads to its pre-join
 * screen.
 */

import { element, setVisible, syncKeyed } from './dom.js';

/** "2/6": participants over capacity. */
export function formatOccupancy(room) {
  return `${room.participants}/${room.capacity}`;
}

/**
 * One room of the list, as its parts. The Join button is handled by delegation on the list, so
 * building stays free of handlers.
 */
export function buildRoomItem(doc, room, options = {}) {
  const root = element(doc, 'li', { className: 'room' });
  const lock = element(doc, 'span', { className: 'room-lock' });
  const name = element(doc, 'span', { className: 'room-name' });
  const occupancy = element(doc, 'span', { className: 'room-occupancy' });
  // Never disabled for a full room: the server's answer ("room is full") is the clearer message.
  const join = element(doc, 'button', { className: 'join-button', text: 'Join', attrs: { type: 'button' } });
  root.append(lock, name, occupancy, join);
  const parts = { root, lock, name, occupancy, join };
  updateRoomItem(parts, room, options);
  return parts;
}

export function updateRoomItem(parts, room, { disabled = false } = {}) {
  const full = room.capacity > 0 && room.participants >= room.capacity;
  parts.root.className = full ? 'room full' : 'room';
  parts.root.setAttribute('data-room-id', room.roomId);
  parts.root.setAttribute('data-locked', room.locked ? 'true' : 'false');
  parts.root.setAttribute('data-password-required', room.passwordRequired ? 'true' : 'false');
  parts.root.setAttribute('data-waiting-room', room.waitingRoom ? 'true' : 'false');
  // Locked takes nobody; a password or a waiting room still lets people in.
  const lockText = room.locked ? 'Locked by the host: nobody new can join'
    : [room.passwordRequired ? 'Password required' : '', room.waitingRoom ? 'A host lets you in' : '']
      .filter(Boolean).join('; ') || 'Open room';
  parts.lock.setAttribute('aria-label', lockText);
  parts.lock.setAttribute('title', lockText);
  if (parts.name.textContent !== room.name) parts.name.textContent = room.name;
  const occupancy = formatOccupancy(room);
  if (parts.occupancy.textContent !== occupancy) parts.occupancy.textContent = occupancy;
  parts.occupancy.setAttribute('title', full ? 'Full' : `${room.participants} of ${room.capacity} seats taken`);
  parts.join.setAttribute('data-room-id', room.roomId);
  parts.join.disabled = disabled;
}

/** Parses the capacity field: a whole number, or null to let the server pick its default. */
export function parseCapacity(value) {
  const text = String(value ?? '').trim();
  if (text === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? Math.trunc(number) : null;
}

export class LobbyView {
  /**
   * @param {object} options
   * @param {Document} options.doc
   * @param {object} options.elements the lobby's DOM nodes, by role
   * @param {(room: object, password: string|null) => void} options.onJoin
   * @param {(form: {name: string, capacity: number|null, password: string|null}) => void} options.onCreate
   */
  constructor({ doc, elements, onJoin, onCreate }) {
    this.doc = doc;
    this.el = elements;
    this.onJoin = onJoin;
    this.rooms = [];
    /** roomId -> parts of its list item */
    this.items = new Map();
    this.capacityTouched = false;
    this.passwordRoom = null;

    const e = elements;
    e.roomList.addEventListener('click', event => {
      const button = event.target.closest('button.join-button');
      if (!button) return;
      const room = this.rooms.find(r => r.roomId === button.getAttribute('data-room-id'));
      if (room) this.#requestJoin(room);
    });
    for (const type of ['input', 'change']) {
      e.createCapacity.addEventListener(type, () => {
        this.capacityTouched = true;
      });
    }
    e.createForm.addEventListener('submit', event => {
      event.preventDefault();
      onCreate({
        name: e.createName.value,
        capacity: parseCapacity(e.createCapacity.value),
        password: e.createPassword.value === '' ? null : e.createPassword.value,
        privateLink: Boolean(e.createPrivate?.checked),
      });
    });
    e.passwordForm.addEventListener('submit', event => {
      event.preventDefault();
      const room = this.passwordRoom;
      const password = e.joinPassword.value;
      this.hidePasswordDialog();
      if (room) this.onJoin(room, password === '' ? null : password);
    });
    e.passwordCancel.addEventListener('click', () => this.hidePasswordDialog());
    e.passwordDialog.addEventListener('keydown', event => {
      if (event.key === 'Escape') this.hidePasswordDialog();
    });
  }

  /** After a room was created and joined, the form starts empty for the next one. */
  resetCreateForm() {
    this.el.createName.value = '';
    this.el.createPassword.value = '';
    if (this.el.createPrivate) this.el.createPrivate.checked = false;
  }

  render(state, connection) {
    const e = this.el;
    const { rooms, defaultCapacity, maxCapacity, loaded } = state.lobby;
    const online = connection === 'connected';
    const joining = state.phase === 'joining';
    this.rooms = rooms;
    const options = { disabled: !online || joining };
    syncKeyed({
      container: e.roomList,
      map: this.items,
      items: rooms,
      keyOf: room => room.roomId,
      create: room => buildRoomItem(this.doc, room, options),
      update: (parts, room) => updateRoomItem(parts, room, options),
    });
    const listed = state.lobby.listed !== false;
    setVisible(e.roomListEmpty, loaded && listed && rooms.length === 0);
    if (e.roomListHidden) setVisible(e.roomListHidden, loaded && !listed);

    e.createCapacity.setAttribute('min', '2');
    if (maxCapacity != null) e.createCapacity.setAttribute('max', String(maxCapacity));
    if (!this.capacityTouched && defaultCapacity != null && e.createCapacity.value !== String(defaultCapacity)) {
      e.createCapacity.value = String(defaultCapacity);
    }
    if (maxCapacity != null) {
      e.capacityHint.textContent = `2 to ${maxCapacity}${defaultCapacity != null ? `, default ${defaultCapacity}` : ''}`;
    }

    e.createButton.disabled = !online || joining;
    setVisible(e.joiningStatus, joining);
  }

  showPasswordDialog(room) {
    this.passwordRoom = room;
    this.el.passwordRoomName.textContent = room.name;
    this.el.joinPassword.value = '';
    setVisible(this.el.passwordDialog, true);
    this.el.joinPassword.focus();
  }

  hidePasswordDialog() {
    this.passwordRoom = null;
    this.el.joinPassword.value = '';
    setVisible(this.el.passwordDialog, false);
  }

  #requestJoin(room) {
    // Rooms with a password ask for it here, in the page; others join straight away (a locked
    // room's refusal comes from the server, which is the clearer message).
    if (room.passwordRequired) this.showPasswordDialog(room);
    else this.onJoin(room, null);
  }
}
