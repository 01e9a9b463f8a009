/**
 * The room screen: its header (name, occupancy, invite link), composed with the tiles
 * (tile-view.js) and where they go (call-layout-view.js), the side panel with the chat
 * (chat-view.js) and the participant list (participant-list-view.js), the control bar
 * (call-controls-view.js), the devices and shortcuts dialogs, and the announcements of joins and
 * leaves for screen readers. Every name and message is set with textContent (see dom.js).
 */

import { TilesView } from './tile-view.js';
import { CallLayoutView } from './call-layout-view.js';
import { ParticipantListView } from './participant-list-view.js';
import { ChatView } from './chat-view.js';
import { CallControlsView } from './call-controls-view.js';
import { Announcer, membershipAnnouncements } from './announcements.js';
import { Dialog } from './dialogs.js';
import { SHORTCUTS } from './shortcuts.js';
import { element, setVisible } from './dom.js';
import { labelButton } from './icons.js';

export class RoomView {
  /**
   * @param {object} options
   * @param {Document} options.doc
   * @param {object} options.elements the room's DOM nodes, by role
   * @param {(tracks: MediaStreamTrack[]) => MediaStream} options.createStream
   * @param {{leave(): void, sendChat(text: string): boolean, toggle(kind: 'audio'|'video'): void,
   *   share?(): void, switchDevice?(kind: 'audio'|'video', deviceId: string): void,
   *   switchSpeaker?(deviceId: string): void, canShare?(): boolean, copyInvite?(): Promise<boolean>,
   *   toggleFullscreen?(): void}} options.actions
   * @param {boolean} [options.canPickSpeaker]
   * @param {boolean} [options.narrow] a phone-sized screen: the side panel starts closed
   * @param {object[]} [options.tileActions] more entries for every tile's menu
   */
  constructor({ doc, elements, createStream, actions, canPickSpeaker = false, narrow = false, tileActions = [] }) {
    this.doc = doc;
    this.el = elements;
    this.actions = actions;
    this.local = null;
    this.narrow = narrow;
    /** The side panel's content: 'chat', 'people' or null when closed. */
    this.panel = narrow ? null : 'chat';
    this.inRoom = false;
    this.participants = [];
    this.layout = new CallLayoutView({
      elements: { tiles: elements.tiles, stage: elements.stage, strip: elements.strip },
      requestFullscreen: node => actions.toggleFullscreen?.(node),
      onModeChange: mode => this.controls?.setLayoutMode(mode),
    });
    this.tiles = new TilesView({
      doc,
      elements,
      createStream,
      tileActions: [...this.layout.tileActions(), ...tileActions],
      onTilesChanged: () => this.layout.update(),
    });
    this.layout.attach(this.tiles);
    this.people = new ParticipantListView({ doc, list: elements.participantList });
    this.chat = new ChatView({ doc, elements, send: text => actions.sendChat(text) });
    this.controls = new CallControlsView({
      doc,
      elements,
      canPickSpeaker,
      actions: { ...actions, command: action => this.command(action) },
    });
    this.announcer = new Announcer({ doc, region: elements.announcer ?? null });
    this.settings = elements.settingsDialog
      ? new Dialog({ root: elements.settingsDialog, close: elements.settingsClose ?? null, doc }) : null;
    this.help = elements.helpDialog
      ? new Dialog({ root: elements.helpDialog, close: elements.helpClose ?? null, doc }) : null;
    if (elements.shortcutList) this.#fillShortcuts(elements.shortcutList);
    elements.tabChat?.addEventListener('click', () => this.setPanel('chat'));
    elements.tabPeople?.addEventListener('click', () => this.setPanel('people'));
    elements.closePanel?.addEventListener('click', () => this.setPanel(null));
    if (elements.closePanel) labelButton(doc, elements.closePanel, 'close', '');
    if (elements.copyInvite) {
      labelButton(doc, elements.copyInvite, 'link', 'Copy invite link');
      elements.copyInvite.addEventListener('click', () => this.command('copy-invite'));
    }
    this.#applyPanel();
  }

  render(state) {
    if (state.phase !== 'in-room') {
      if (this.inRoom) {
        this.tiles.clear();
        this.layout.clear();
        this.chat.clear();
        this.people.clear();
        this.settings?.hide();
        this.help?.hide();
      }
      this.inRoom = false;
      this.participants = [];
      return;
    }
    const e = this.el;
    if (!this.inRoom) {
      this.inRoom = true;
      this.panel = this.narrow ? null : 'chat';
      this.#applyPanel();
      this.announcer.say(`You joined ${state.room.name}`);
    } else {
      for (const line of membershipAnnouncements(this.participants, state.participants)) this.announcer.say(line);
    }
    this.participants = state.participants;
    e.roomTitle.textContent = state.room.name;
    e.roomOccupancy.textContent = `${state.participants.length + 1}/${state.room.capacity}`;
    e.roomOccupancy.setAttribute('aria-label', `${state.participants.length + 1} of ${state.room.capacity} seats taken`);
    if (e.copyInvite) e.copyInvite.hidden = !state.room.slug;
    this.tiles.renderSelf(state.self);
    this.people.render(state.self, state.participants);
    this.tiles.render(state.participants);
    this.chat.render(state.chat, state.self.participantId);
    this.#renderLocal();
    this.layout.update();
  }

  /** @param {{stream: MediaStream|null, notice: string, audioMuted: boolean, videoMuted: boolean}|null} local */
  setLocalMedia(local) {
    this.local = local;
    this.tiles.setLocalMedia(local);
    this.#renderLocal();
  }

  /** Marks the tile of a participant ('self' for the own tile) while they speak. */
  setSpeaking(participantId, speaking) {
    this.tiles.setSpeaking(participantId, speaking);
    if (speaking) this.layout.spoke(participantId);
  }

  /** Connection quality on a participant's tile ('self': the own uplink); null hides it. */
  setQuality(key, quality) {
    this.tiles.setQuality(key, quality);
  }

  /** Shows or hides the notice about one's own poor uplink. */
  setUplink({ poor }) {
    if (this.el.uplinkNotice) setVisible(this.el.uplinkNotice, Boolean(poor) && this.inRoom);
  }

  /** Fills the microphone, camera and speaker pickers (see CallControlsView.setDevices). */
  setDevices(devices, current = {}) {
    this.controls.setDevices(devices, current);
  }

  setRemoteTracks(publisherId, tracks, screenTracks = []) {
    this.tiles.setRemoteTracks(publisherId, tracks, screenTracks);
  }

  setSpeakerDevice(deviceId) {
    this.tiles.setSpeakerDevice(deviceId);
  }

  /** The area changed size: tiles are sized anew. */
  resized() {
    if (this.inRoom) this.layout.update();
  }

  /** Whether a dialog of the room is open (shortcuts then wait). */
  dialogOpen() {
    return Boolean(this.settings?.open || this.help?.open);
  }

  /** One command from the control bar or a keyboard shortcut (shortcuts.js's actions). */
  command(action) {
    const a = this.actions;
    switch (action) {
      case 'toggle-audio': a.toggle('audio'); break;
      case 'toggle-video': a.toggle('video'); break;
      case 'toggle-share': if (a.canShare?.() || this.local?.sharing) a.share?.(); break;
      case 'toggle-chat': this.setPanel(this.panel === 'chat' ? null : 'chat'); break;
      case 'toggle-people': this.setPanel(this.panel === 'people' ? null : 'people'); break;
      case 'toggle-layout': this.layout.toggleMode(); break;
      case 'toggle-fullscreen': a.toggleFullscreen?.(null); break;
      case 'open-settings': this.settings?.show(); break;
      case 'show-help': this.help?.show(); break;
      case 'copy-invite': this.#copyInvite(); break;
      default: break;
    }
  }

  /** Opens the side panel on 'chat' or 'people', or closes it (null). */
  setPanel(panel) {
    this.panel = panel;
    this.#applyPanel();
    this.layout.update();
    if (panel === 'chat' && this.narrow) this.el.chatInput?.focus?.();
  }

  #applyPanel() {
    const e = this.el;
    const panel = this.panel;
    if (e.sidePanel) {
      e.sidePanel.hidden = panel == null;
      e.sidePanel.setAttribute('data-panel', panel ?? '');
    }
    if (e.chatPanel) e.chatPanel.hidden = panel !== 'chat';
    if (e.peoplePanel) e.peoplePanel.hidden = panel !== 'people';
    e.tabChat?.setAttribute('aria-selected', panel === 'chat' ? 'true' : 'false');
    e.tabPeople?.setAttribute('aria-selected', panel === 'people' ? 'true' : 'false');
    this.controls.setPanel(panel);
    this.chat.setVisible(panel === 'chat');
  }

  async #copyInvite() {
    const copied = await (this.actions.copyInvite?.() ?? Promise.resolve(false));
    const status = this.el.inviteCopied;
    if (status) status.textContent = copied ? 'Invite link copied' : 'Copy the link from the address bar';
  }

  #fillShortcuts(list) {
    list.replaceChildren(...SHORTCUTS.flatMap(({ key, description }) => {
      const dt = element(this.doc, 'dt');
      dt.append(element(this.doc, 'kbd', { text: key === '?' ? '?' : key.toUpperCase() }));
      return [dt, element(this.doc, 'dd', { text: description })];
    }));
  }

  #renderLocal() {
    this.tiles.renderLocal(this.local);
    this.controls.render(this.local);
  }
}
