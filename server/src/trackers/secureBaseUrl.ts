import { TrackerError } from './types';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The base URL a tracker is reached at, without a trailing slash. Tokens travel in headers, so
 * anything but HTTPS is refused unless the host is this machine (a local proxy or test server).
 */
export function secureBaseUrl(value: string, setting: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TrackerError(`${setting} is not a URL: "${value}".`, setting);
  }
  const local = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    throw new TrackerError(
      `${setting} must use https:// (plain http is only allowed for localhost): "${value}".`,
      setting,
    );
  }
  return url.href.replace(/\/+$/, '');
}
