/**
 * The one way the views build nodes. User text (names, messages) only ever goes through
 * textContent, so nothing a participant types can become markup.
 */

/**
 * @param {Document} doc
 * @param {string} tag
 * @param {{className?: string, text?: string, attrs?: Record<string, string|number|boolean>}} [options]
 */
export function element(doc, tag, { className, text, attrs } = {}) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = String(text);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  }
  return node;
}

/** Shows or hides a node through the hidden attribute (the stylesheet makes it win over display). */
export function setVisible(node, visible) {
  node.hidden = !visible;
}

/** The first character of a name, as a whole code point, for avatar placeholders. */
export function initialOf(name) {
  const first = [...String(name ?? '').trim()][0];
  return first ? first.toUpperCase() : '?';
}

/**
 * Keeps a container's children in step with a list, reusing the node of every key that stays.
 * Reusing nodes matters: a list rebuilt on every broadcast would pull elements away from a user's
 * (or a test driver's) click between finding and clicking them.
 *
 * @param {object} options
 * @param {Element} options.container
 * @param {Map<string, {root: Element}>} options.map key -> the parts built for it; updated in place
 * @param {Array} options.items in display order
 * @param {(item) => string} options.keyOf
 * @param {(item) => {root: Element}} options.create
 * @param {(parts: {root: Element}, item) => void} options.update
 */
export function syncKeyed({ container, map, items, keyOf, create, update }) {
  const roots = [];
  const keep = new Set();
  for (const item of items) {
    const key = keyOf(item);
    keep.add(key);
    let parts = map.get(key);
    if (parts) update(parts, item);
    else {
      parts = create(item);
      map.set(key, parts);
    }
    roots.push(parts.root);
  }
  for (const [key, parts] of map) {
    if (keep.has(key)) continue;
    parts.root.remove();
    map.delete(key);
  }
  const placed = [...container.children].filter(node => roots.includes(node));
  if (placed.length !== roots.length || placed.some((node, i) => node !== roots[i])) {
    container.append(...roots); // moves nodes already present; other children stay in front
  }
}

/**
 * A participant's media as data attributes, the same on a tile and in the participant list: the
 * stylesheet draws the marks from them and the end-to-end tests read them.
 */
export function applyMediaFlags(node, participant) {
  node.setAttribute('data-audio-muted', participant.audioMuted ? 'true' : 'false');
  node.setAttribute('data-video-muted', participant.videoMuted ? 'true' : 'false');
  node.setAttribute('data-sharing', participant.sharing ? 'true' : 'false');
  node.setAttribute('data-sends', participant.sendsVideo ? 'video' : participant.sendsAudio ? 'audio' : 'nothing');
}
