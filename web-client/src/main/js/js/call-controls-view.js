/**
 * The in-call control bar: mute, camera, share, layout, chat, people, devices, shortcuts and leave,
 * plus the notice about reduced own media and the device pickers (microphone, camera, speaker).
 * Renders in-call-controls.js's local media; clicks go to the injected actions. Every button has an
 * icon and a text label that says what pressing it does ("Unmute"), and data-state for its look.
 */

import { element, setVisible } from './dom.js';
import { labelButton } from './icons.js';

/**
 * Fills a device picker from enumerateDevices, keeping the current choice. With no device of that
 * kind the picker is hidden and `none` ("No camera found") shown instead of an empty select.
 * @returns {number} how many devices of that kind there are
 */
export function fillDevicePicker(doc, select, none, devices, kind, fallback, inUse, { needsInUse = true } = {}) {
  if (!select) return 0;
  const options = devices.filter(d => d.kind === kind && d.deviceId);
  const wanted = options.map((d, i) => [d.deviceId, d.label || `${fallback} ${i + 1}`]);
  const have = [...select.options].map(o => [o.value, o.textContent]);
  if (JSON.stringify(have) !== JSON.stringify(wanted)) {
    select.replaceChildren(...wanted.map(([value, label]) => {
      const option = element(doc, 'option', { text: label });
      option.value = value;
      return option;
    }));
  }
  if (inUse && wanted.some(([value]) => value === inUse)) select.value = inUse;
  select.disabled = wanted.length < 2 || (needsInUse && !inUse);
  select.hidden = wanted.length === 0;
  if (none) none.hidden = wanted.length > 0;
  return wanted.length;
}

export class CallControlsView {
  /**
   * @param {object} options
   * @param {Document} options.doc
   * @param {{leaveButton: HTMLElement, toggleAudio: HTMLButtonElement, toggleVideo: HTMLButtonElement,
   *   toggleShare?: HTMLButtonElement, toggleLayout?: HTMLButtonElement, toggleChat?: HTMLButtonElement,
   *   togglePeople?: HTMLButtonElement, openSettings?: HTMLButtonElement, showHelp?: HTMLButtonElement,
   *   micSelect?: HTMLSelectElement, cameraSelect?: HTMLSelectElement, speakerSelect?: HTMLSelectElement,
   *   micNone?: HTMLElement, cameraNone?: HTMLElement, speakerLabel?: HTMLElement, mediaNotice: HTMLElement}} options.elements
   * @param {{leave(): void, toggle(kind: 'audio'|'video'): void, share?(): void,
   *   switchDevice?(kind: 'audio'|'video', deviceId: string): void, switchSpeaker?(deviceId: string): void,
   *   canShare?(): boolean, command?(action: string): void}} options.actions
   * @param {boolean} [options.canPickSpeaker] whether the browser can route audio (setSinkId)
   */
  constructor({ doc, elements, actions, canPickSpeaker = false }) {
    this.doc = doc;
    this.el = elements;
    this.actions = actions;
    this.canPickSpeaker = canPickSpeaker;
    const e = elements;
    e.leaveButton.addEventListener('click', () => actions.leave());
    e.toggleAudio.addEventListener('click', () => actions.toggle('audio'));
    e.toggleVideo.addEventListener('click', () => actions.toggle('video'));
    e.toggleShare?.addEventListener('click', () => actions.share?.());
    const command = (node, action) => node?.addEventListener('click', () => actions.command?.(action));
    command(e.toggleLayout, 'toggle-layout');
    command(e.toggleChat, 'toggle-chat');
    command(e.togglePeople, 'toggle-people');
    command(e.openSettings, 'open-settings');
    command(e.showHelp, 'show-help');
    e.micSelect?.addEventListener('change', () => actions.switchDevice?.('audio', e.micSelect.value));
    e.cameraSelect?.addEventListener('change', () => actions.switchDevice?.('video', e.cameraSelect.value));
    e.speakerSelect?.addEventListener('change', () => actions.switchSpeaker?.(e.speakerSelect.value));
    this.#label(e.leaveButton, 'leave', 'Leave');
    if (e.openSettings) this.#label(e.openSettings, 'settings', 'Devices');
    if (e.showHelp) this.#label(e.showHelp, 'help', 'Shortcuts', '?');
    if (e.togglePeople) this.#label(e.togglePeople, 'people', 'People', 'P');
    if (e.toggleChat) this.#labelKeepingBadge(e.toggleChat, 'chat', 'Chat', 'C');
    if (e.speakerLabel) e.speakerLabel.hidden = !canPickSpeaker;
    if (e.speakerSelect) e.speakerSelect.hidden = !canPickSpeaker;
    this.setLayoutMode('grid');
  }

  /** @param {{stream: MediaStream|null, notice: string, audioMuted: boolean, videoMuted: boolean, sharing: boolean}|null} local */
  render(local) {
    const e = this.el;
    const stream = local?.stream ?? null;
    const sendsVideo = Boolean(stream && stream.getVideoTracks().length > 0);
    const sendsAudio = Boolean(stream && stream.getAudioTracks().length > 0);
    e.mediaNotice.textContent = local?.notice ?? '';
    setVisible(e.mediaNotice, Boolean(local?.notice));

    e.toggleAudio.disabled = !sendsAudio;
    e.toggleAudio.setAttribute('data-state', !sendsAudio || local.audioMuted ? 'off' : 'on');
    this.#label(e.toggleAudio, !sendsAudio || local.audioMuted ? 'mic-off' : 'mic',
      !sendsAudio ? 'No microphone' : local.audioMuted ? 'Unmute' : 'Mute', 'M');
    e.toggleVideo.disabled = !sendsVideo;
    e.toggleVideo.setAttribute('data-state', !sendsVideo || local.videoMuted ? 'off' : 'on');
    this.#label(e.toggleVideo, !sendsVideo || local.videoMuted ? 'camera-off' : 'camera',
      !sendsVideo ? 'No camera' : local.videoMuted ? 'Start video' : 'Stop video', 'V');
    if (e.toggleShare) {
      // A receive-only participant publishes nothing, so there is nothing to put a screen on.
      const canShare = Boolean(local) && (this.actions.canShare?.() ?? false);
      e.toggleShare.hidden = !canShare && !local?.sharing;
      e.toggleShare.disabled = !canShare && !local?.sharing;
      e.toggleShare.setAttribute('data-state', local?.sharing ? 'on-air' : 'on');
      this.#label(e.toggleShare, 'screen', local?.sharing ? 'Stop sharing' : 'Share screen', 'D');
    }
  }

  /** The layout button offers the other layout. */
  setLayoutMode(mode) {
    const e = this.el.toggleLayout;
    if (!e) return;
    this.#label(e, mode === 'grid' ? 'speaker' : 'grid', mode === 'grid' ? 'Speaker view' : 'Grid view', 'W');
    e.setAttribute('data-layout', mode);
  }

  /** Marks the chat and people buttons as showing their panel. */
  setPanel(panel) {
    const e = this.el;
    e.toggleChat?.setAttribute('aria-expanded', panel === 'chat' ? 'true' : 'false');
    e.togglePeople?.setAttribute('aria-expanded', panel === 'people' ? 'true' : 'false');
  }

  /**
   * Fills the microphone, camera and speaker choices from enumerateDevices, keeping the current choice.
   * @param {{kind: string, deviceId: string, label: string}[]} devices
   * @param {{audio?: string, video?: string, speaker?: string}} current the deviceIds in use
   */
  setDevices(devices, current = {}) {
    const e = this.el;
    fillDevicePicker(this.doc, e.micSelect, e.micNone, devices, 'audioinput', 'Microphone', current.audio);
    fillDevicePicker(this.doc, e.cameraSelect, e.cameraNone, devices, 'videoinput', 'Camera', current.video);
    if (this.canPickSpeaker && e.speakerSelect) {
      const count = fillDevicePicker(this.doc, e.speakerSelect, null, devices, 'audiooutput', 'Speaker',
        current.speaker ?? 'default', { needsInUse: false });
      e.speakerSelect.hidden = count === 0;
      if (e.speakerLabel) e.speakerLabel.hidden = count === 0;
    }
  }

  #label(button, iconName, text, key) {
    labelButton(this.doc, button, iconName, text);
    button.setAttribute('title', key ? `${text} (${key})` : text);
  }

  /** The chat button keeps its unread badge after the label. */
  #labelKeepingBadge(button, iconName, text, key) {
    const badge = this.el.chatUnread ?? null;
    this.#label(button, iconName, text, key);
    if (badge) button.append(badge);
  }
}
