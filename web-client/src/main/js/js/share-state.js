/**
 * Whether the own screen is shared, as a pure state machine. A share is an extra video sender on
 * every publishing link, next to the camera (so the others see the screen on the stage and the
 * sharer's camera beside it) or, for an audio-only participant, the only video. InCallControls
 * carries out the returned effects on every publishing link.
 *
 * State: {camera: boolean, sharing: 'no'|'picking'|'yes'} where camera says whether a camera track is
 * published. Events: start, picked, cancelled (the picker was dismissed or getDisplayMedia failed),
 * stop (button), ended (the browser's own "stop sharing"), leave.
 *
 * Effects: pick (ask getDisplayMedia), add-share-sender / remove-share-sender, stop-screen, announce
 * (send the media state with the new sharing flag).
 */

/** @param {string} mode acquireLocalMedia's mode */
export function canShare(mode) {
  return mode === 'full' || mode === 'audio-only' || mode === 'video-only';
}

export function initialShareState(mode) {
  return { camera: mode === 'full' || mode === 'video-only', sharing: 'no', enabled: canShare(mode) };
}

const same = state => ({ state, effects: [] });

/** @returns {{state: object, effects: object[]}} */
export function shareTransition(state, event) {
  switch (event) {
    case 'start':
      if (!state.enabled || state.sharing !== 'no') return same(state);
      return { state: { ...state, sharing: 'picking' }, effects: [{ type: 'pick' }] };
    case 'cancelled':
      // Nothing was changed while picking, so nothing is undone and nothing is shown.
      if (state.sharing !== 'picking') return same(state);
      return { state: { ...state, sharing: 'no' }, effects: [] };
    case 'picked':
      if (state.sharing !== 'picking') return { state, effects: [{ type: 'stop-screen' }] };
      return {
        state: { ...state, sharing: 'yes' },
        effects: [{ type: 'add-share-sender' }, { type: 'announce', sharing: true }],
      };
    case 'stop':
    case 'ended':
      if (state.sharing !== 'yes') return same(state);
      return {
        state: { ...state, sharing: 'no' },
        effects: [{ type: 'remove-share-sender' }, { type: 'stop-screen' }, { type: 'announce', sharing: false }],
      };
    case 'leave':
      return {
        state: { ...state, sharing: 'no' },
        effects: state.sharing === 'yes' ? [{ type: 'stop-screen' }] : [],
      };
    default:
      return same(state);
  }
}
