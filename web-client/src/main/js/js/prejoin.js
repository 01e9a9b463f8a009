/**
 * The pre-join check, without the DOM: the camera and microphone preview with the devices chosen,
 * what a refused or missing device means and what to do about it, and the choices remembered across
 * visits (name, devices, join muted, join with the camera off). PrejoinView renders it.
 */

import { acquireLocalMedia, stopStream } from './local-media.js';

const PREFERENCES_KEY = 'chatforyou.preferences';
const NAME_KEY = 'chatforyou.displayName';

/** What the user chose last time, with defaults for a first visit. */
export function loadPreferences(storage) {
  const defaults = { displayName: '', joinMuted: false, joinCameraOff: false, audioDevice: null, videoDevice: null, speakerDevice: null };
  try {
    const saved = JSON.parse(storage?.getItem(PREFERENCES_KEY) ?? 'null') ?? {};
    const name = storage?.getItem(NAME_KEY) ?? saved.displayName ?? '';
    return {
      displayName: typeof name === 'string' ? name : '',
      joinMuted: saved.joinMuted === true,
      joinCameraOff: saved.joinCameraOff === true,
      audioDevice: typeof saved.audioDevice === 'string' ? saved.audioDevice : null,
      videoDevice: typeof saved.videoDevice === 'string' ? saved.videoDevice : null,
      speakerDevice: typeof saved.speakerDevice === 'string' ? saved.speakerDevice : null,
    };
  } catch {
    return defaults;
  }
}

export function savePreferences(storage, preferences) {
  try {
    const { displayName = '', ...rest } = preferences;
    storage?.setItem(NAME_KEY, String(displayName).trim());
    storage?.setItem(PREFERENCES_KEY, JSON.stringify(rest));
  } catch {
    // Storage disabled: nothing is remembered, everything else works.
  }
}

/**
 * What the pre-join screen says about the devices it could not get, and what to do: a refused
 * permission, a missing device, a device in use elsewhere, or a page without HTTPS.
 * @param {{failures?: string[], mode: string}} local acquireLocalMedia's result
 * @returns {{kind: string, text: string}|null} null when camera and microphone both work
 */
export function deviceAdvice(local, { secureContext = true, hasGetUserMedia = true } = {}) {
  if (!local || local.mode === 'full') return null;
  const failures = local.failures ?? [];
  const missing = local.mode === 'audio-only' ? 'camera' : local.mode === 'video-only' ? 'microphone' : 'camera and microphone';
  if (!hasGetUserMedia) {
    return {
      kind: secureContext ? 'unsupported' : 'insecure',
      text: secureContext
        ? 'This browser offers no camera or microphone to web pages. You can still join, see and hear the others.'
        : 'The browser offers camera and microphone only to pages served over HTTPS (or from localhost). Ask whoever runs this server to enable HTTPS; you can still join to see and hear the others.',
    };
  }
  if (failures.includes('NotAllowedError')) {
    return {
      kind: 'denied',
      text: `The browser blocked the ${missing} for this site. To allow it, click the camera or lock icon in the address bar, `
        + `set the ${missing} to "Allow", then press "Try again". You can also join without it.`,
    };
  }
  if (failures.includes('NotReadableError')) {
    return {
      kind: 'busy',
      text: `The ${missing} is in use by another program or tab, or the system blocks it. Close that program, then press "Try again".`,
    };
  }
  return {
    kind: 'missing',
    text: `No ${missing} was found. Connect one and press "Try again", or join without it.`,
  };
}

/** Whether audio can be routed to a chosen speaker (HTMLMediaElement.setSinkId). */
export function canPickSpeaker(mediaElementPrototype) {
  return typeof mediaElementPrototype?.setSinkId === 'function';
}

/**
 * The preview before joining: camera and microphone with the devices chosen, and what they are.
 * `local` has acquireLocalMedia's shape and is handed to the room on join (the stream keeps playing).
 */
export class PrejoinPreview {
  /**
   * @param {object} options
   * @param {((c: MediaStreamConstraints) => Promise<MediaStream>)|undefined} options.getUserMedia
   * @param {boolean} [options.secureContext]
   * @param {(local: object|null) => void} [options.onChange]
   */
  constructor({ getUserMedia, secureContext = true, onChange = () => {} }) {
    this.getUserMedia = getUserMedia;
    this.secureContext = secureContext;
    this.onChange = onChange;
    this.local = null;
    /** Each start() gets a number; a slower, older acquisition is dropped. */
    this.generation = 0;
  }

  /** Acquires (again) with these devices; resolves with the new local media. */
  async start(devices = {}) {
    const generation = ++this.generation;
    const local = await acquireLocalMedia({ getUserMedia: this.getUserMedia, secureContext: this.secureContext, devices });
    if (generation !== this.generation) {
      stopStream(local.stream);
      return this.local;
    }
    stopStream(this.local?.stream);
    this.local = local;
    this.onChange(local);
    return local;
  }

  /** The media for the join: the preview's stream goes to the room and is no longer the preview's. */
  handOver() {
    const local = this.local;
    this.local = null;
    this.generation++;
    return local;
  }

  stop() {
    this.generation++;
    stopStream(this.local?.stream);
    this.local = null;
    this.onChange(null);
  }
}
