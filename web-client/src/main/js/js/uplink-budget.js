/**
 * The rule "a page's camera uplink is one budget, shared by its send links". On mesh a page sends
 * its camera once per viewer, and every copy costs the sender an encode and uplink: with more viewers
 * each copy is sent smaller, as their tiles get smaller too. One send link (an SFU's, or a call of
 * two) is sent as the browser's own rate control decides. A shared screen has a sender of its own
 * and is never capped here, so that its text stays readable.
 */

/** The camera's bitrate over all copies, once there are two or more. */
export const CAMERA_UPLINK_BUDGET_BPS = 1_200_000;

/** No copy is capped below this, however many viewers. */
export const MIN_CAMERA_COPY_BPS = 150_000;

/** From this many copies on, each is sent at half the width and height. */
export const HALF_RESOLUTION_FROM_COPIES = 3;

/** The encoding of one copy when this page sends `copies` copies of its camera. */
export function cameraEncodingFor(copies) {
  if (copies <= 1) return { maxBitrate: null, scaleResolutionDownBy: 1 };
  return {
    maxBitrate: Math.max(MIN_CAMERA_COPY_BPS, Math.floor(CAMERA_UPLINK_BUDGET_BPS / copies)),
    scaleResolutionDownBy: copies >= HALF_RESOLUTION_FROM_COPIES ? 2 : 1,
  };
}

/** Whether the encoding leaves the copy to the browser. */
export function isUncapped(encoding) {
  return !encoding || (encoding.maxBitrate == null && (encoding.scaleResolutionDownBy ?? 1) === 1);
}

/** One RTCRtpEncodingParameters entry with the cap applied (and a lifted cap removed). */
export function withCameraEncoding(current, encoding) {
  const next = { ...current, scaleResolutionDownBy: encoding.scaleResolutionDownBy ?? 1 };
  if (encoding.maxBitrate == null) delete next.maxBitrate;
  else next.maxBitrate = encoding.maxBitrate;
  return next;
}

/** Whether the entry already carries the encoding. */
export function carriesCameraEncoding(current, encoding) {
  return (current?.maxBitrate ?? null) === (encoding.maxBitrate ?? null)
    && (current?.scaleResolutionDownBy ?? 1) === (encoding.scaleResolutionDownBy ?? 1);
}
