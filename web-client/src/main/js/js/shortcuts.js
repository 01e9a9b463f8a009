/**
 * Keyboard shortcuts in a call: one table, read by the key handler and by the help dialog, so the
 * dialog always lists what works. Single keys without modifiers, as in Jitsi; never while typing in
 * a field, and never with Ctrl, Alt or Meta (those belong to the browser).
 */

export const SHORTCUTS = Object.freeze([
  { key: 'm', action: 'toggle-audio', description: 'Mute or unmute the microphone' },
  { key: 'v', action: 'toggle-video', description: 'Turn the camera off or on' },
  { key: 'd', action: 'toggle-share', description: 'Share the screen, or stop sharing' },
  { key: 'c', action: 'toggle-chat', description: 'Open or close the chat' },
  { key: 'p', action: 'toggle-people', description: 'Open or close the participant list' },
  { key: 'w', action: 'toggle-layout', description: 'Switch between grid and speaker layout' },
  { key: 'f', action: 'toggle-fullscreen', description: 'Full screen for the call, or leave full screen' },
  { key: 'i', action: 'copy-invite', description: 'Copy the invite link' },
  { key: '?', action: 'show-help', description: 'Show these shortcuts' },
]);

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * The action a keydown stands for, or null: nothing while a field has focus, with a modifier other
 * than Shift, on a repeat, or while an IME composes.
 * @param {{key: string, ctrlKey?: boolean, altKey?: boolean, metaKey?: boolean, repeat?: boolean,
 *   isComposing?: boolean, target?: {tagName?: string, isContentEditable?: boolean}}} event
 */
export function shortcutFor(event) {
  if (!event || event.ctrlKey || event.altKey || event.metaKey || event.repeat || event.isComposing) return null;
  const target = event.target;
  if (target && (TYPING.has(String(target.tagName ?? '').toUpperCase()) || target.isContentEditable)) return null;
  const key = String(event.key ?? '');
  const entry = SHORTCUTS.find(s => s.key === (key.length === 1 ? key.toLowerCase() : key)) ??
    SHORTCUTS.find(s => s.key === key);
  return entry ? entry.action : null;
}
