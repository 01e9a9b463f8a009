import { applyServerEvent } from '../../../main/js/js/server-events.js';

/** Applies server events one after another, collecting every effect. */
export function run(state, ...events) {
  const effects = [];
  for (const event of events) {
    const result = applyServerEvent(state, event);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, effects };
}
