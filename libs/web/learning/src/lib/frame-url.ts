/**
 * Which URLs a lesson frame may load (pure, unit-tested in node). The player never marks a URL
 * as trusted for Angular: `FrameSrcDirective` sets the frame's `src` attribute itself, and only
 * to what these functions return.
 *  - a video embed: https on one of `VIDEO_EMBED_HOSTS`, default port, no credentials;
 *  - a SCORM launch URL: a same-origin path under the API's package files (`/api/scorm/…`),
 *    with no way to climb out of it (`..`, encoded dots, backslashes, `//`).
 */
import { VIDEO_EMBED_HOSTS } from '@pratique/contracts';

export type FrameKind = 'video' | 'scorm';

/** The embed URL to put in a frame (normalised), or null when it is not an allowed one. */
export function safeVideoEmbedUrl(url: string | null | undefined): string | null {
  if (!url || typeof url !== 'string' || /[\s\\]/.test(url)) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return null;
  if (!(VIDEO_EMBED_HOSTS as readonly string[]).includes(u.hostname)) return null;
  return u.href;
}

/** Any base will do: it only tells a same-origin path from one that leaves the origin. */
const PROBE_ORIGIN = 'https://pratique.invalid';
const SCORM_PREFIX = '/api/scorm/';

/** The launch path to put in a frame, or null when it is not under the package files. */
export function safeScormLaunchUrl(url: string | null | undefined): string | null {
  if (!url || typeof url !== 'string') return null;
  if (!url.startsWith(SCORM_PREFIX) || url.startsWith('//')) return null;
  // No climbing out, whether written plainly or percent-encoded; no backslashes, spaces or controls.
  // eslint-disable-next-line no-control-regex
  if (/\.\.|%2e|%2f|%5c|\/\/|[\\\s\u0000-\u001f\u007f]/i.test(url)) return null;
  let u: URL;
  try {
    u = new URL(url, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (u.origin !== PROBE_ORIGIN || !u.pathname.startsWith(SCORM_PREFIX)) return null;
  return u.pathname + u.search + u.hash;
}

export function safeFrameUrl(kind: FrameKind, url: string | null | undefined): string | null {
  return kind === 'video' ? safeVideoEmbedUrl(url) : safeScormLaunchUrl(url);
}
