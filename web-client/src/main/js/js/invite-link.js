/**
 * The room's address: invite links are `<app>/r/<slug>`, relative to the app's base so that a
 * context path keeps working. The server serves the app at every such address (with a <base> that
 * points back at the app) and the page resolves the slug over signaling (`room.find`).
 */

/** Lowercase letters and digits in groups joined by single hyphens, as the server issues them. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 64;

export function isSlug(value) {
  return typeof value === 'string' && value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

/**
 * The slug the page was opened with, or null for the lobby (or an address that is no invite link).
 * @param {string} href location.href
 * @param {string} baseUri document.baseURI: the app's root
 */
export function slugFromLocation(href, baseUri) {
  let page;
  let base;
  try {
    page = new URL(href);
    base = new URL('.', baseUri);
  } catch {
    return null;
  }
  if (page.origin !== base.origin || !page.pathname.startsWith(base.pathname)) return null;
  const rest = page.pathname.slice(base.pathname.length).replace(/\/+$/, '');
  const match = /^r\/([^/]+)$/.exec(rest);
  if (!match) return null;
  let slug;
  try {
    slug = decodeURIComponent(match[1]).toLowerCase();
  } catch {
    return null;
  }
  return isSlug(slug) ? slug : null;
}

/** The invite link for a room: absolute, to copy and share. */
export function inviteUrl(baseUri, slug) {
  return new URL(`r/${encodeURIComponent(slug)}`, new URL('.', baseUri)).href;
}

/** The lobby's address. */
export function lobbyUrl(baseUri) {
  return new URL('.', baseUri).href;
}
