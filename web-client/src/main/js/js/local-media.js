/**
 * Camera and microphone acquisition before joining, falling back step by step so that a missing or
 * refused device never keeps anyone out of a room: camera and microphone, then microphone only,
 * then camera only, then receive-only. No placeholder tracks are invented: whatever is not captured
 * is simply not sent, and `media` in room.join says so.
 */

export const NOTICES = Object.freeze({
  audioOnly: 'Camera unavailable: others can hear you, but they cannot see you.',
  videoOnly: 'Microphone unavailable: others can see you, but they cannot hear you.',
  receiveOnly: 'No camera or microphone: you can see and hear others, but they cannot see or hear you',
});

/** getUserMedia failures that mean "this device cannot be had", as opposed to a programming error. */
export const DEVICE_FAILURES = Object.freeze([
  'NotFoundError',
  'OverconstrainedError',
  'NotAllowedError',
  'NotReadableError',
]);

/** 640x480 is plenty for a mesh, where every viewer costs the publisher one more upload. */
const VIDEO = { width: { ideal: 640 }, height: { ideal: 480 } };

const ATTEMPTS = [
  { mode: 'full', constraints: { audio: true, video: VIDEO }, media: { audio: true, video: true }, notice: '' },
  { mode: 'audio-only', constraints: { audio: true }, media: { audio: true, video: false }, notice: NOTICES.audioOnly },
  { mode: 'video-only', constraints: { video: VIDEO }, media: { audio: false, video: true }, notice: NOTICES.videoOnly },
];

/**
 * @param {object} options
 * @param {((constraints: MediaStreamConstraints) => Promise<MediaStream>)|undefined} options.getUserMedia
 *   bound navigator.mediaDevices.getUserMedia, or undefined where the page has none (plain http)
 * @param {boolean} [options.secureContext] false explains a missing getUserMedia in the notice
 * @param {{audio?: string|null, video?: string|null}} [options.devices] preferred deviceIds (ideal, so a
 *   device that went away falls back to another)
 * @param {{warn: Function}} [options.log]
 * @returns {Promise<{stream: MediaStream|null, mode: string, media: {audio: boolean, video: boolean},
 *   notice: string, failures: string[]}>}
 */
export async function acquireLocalMedia({ getUserMedia, secureContext = true, devices = {}, log = console } = {}) {
  const failures = [];
  if (typeof getUserMedia === 'function') {
    for (const attempt of ATTEMPTS) {
      try {
        const stream = await getUserMedia(withDevices(attempt.constraints, devices));
        return { stream, mode: attempt.mode, media: { ...attempt.media }, notice: attempt.notice, failures };
      } catch (err) {
        const name = (err && err.name) || 'Error';
        failures.push(name);
        if (!DEVICE_FAILURES.includes(name)) {
          // Not one of the documented device failures; still degrade rather than keep the user out.
          log.warn(`getUserMedia(${JSON.stringify(attempt.constraints)}) failed unexpectedly`, err);
        }
      }
    }
  }
  const notice =
    typeof getUserMedia !== 'function' && !secureContext
      ? `${NOTICES.receiveOnly} (this page is not served over HTTPS, so the browser offers no camera)`
      : NOTICES.receiveOnly;
  return { stream: null, mode: 'receive-only', media: { audio: false, video: false }, notice, failures };
}

/** The constraints with the preferred devices, where any are chosen. */
export function withDevices(constraints, devices = {}) {
  const pick = (base, deviceId) => (deviceId ? { ...(base === true ? {} : base), deviceId: { ideal: deviceId } } : base);
  const next = { ...constraints };
  if (next.audio) next.audio = pick(next.audio, devices?.audio);
  if (next.video) next.video = pick(next.video, devices?.video);
  return next;
}

/** Stops every track of a stream so the camera light goes off. */
export function stopStream(stream) {
  if (!stream) return;
  for (const track of stream.getTracks()) track.stop();
}
