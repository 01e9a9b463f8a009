/**
 * Links in chat messages, safely: the text is split into plain runs and http(s) links, and the view
 * builds an <a> for each link with textContent and a checked href. Nothing is ever parsed as HTML,
 * and no other scheme (javascript:, data:, file:...) becomes a link.
 */

/** A URL candidate: http:// or https://, or www., up to whitespace or a character that ends prose. */
const CANDIDATE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** The href for a candidate, or null where it is not a plain http(s) URL. */
export function safeHref(candidate) {
  const withScheme = /^www\./i.test(candidate) ? `https://${candidate}` : candidate;
  let url;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url.href;
}

/**
 * @param {string} text a chat message
 * @returns {({text: string}|{text: string, href: string})[]} in order; joining the texts gives `text`
 */
export function linkify(text) {
  const source = String(text ?? '');
  const parts = [];
  let last = 0;
  for (const match of source.matchAll(CANDIDATE)) {
    let candidate = match[0];
    // A closing bracket belongs to the URL only when the URL opened one.
    while (TRAILING.test(candidate)) {
      const end = candidate.at(-1);
      if (end === ')' && (candidate.match(/\(/g)?.length ?? 0) >= (candidate.match(/\)/g)?.length ?? 0)) break;
      candidate = candidate.slice(0, -1);
    }
    const href = safeHref(candidate);
    if (!href) continue;
    if (match.index > last) parts.push({ text: source.slice(last, match.index) });
    parts.push({ text: candidate, href });
    last = match.index + candidate.length;
  }
  if (last < source.length || parts.length === 0) parts.push({ text: source.slice(last) });
  return parts;
}
