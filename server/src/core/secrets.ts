/**
 * The one redaction every message, log line, error and exported file passes through before it
 * leaves the process: the credentials in use in every form they travel in (raw, the Basic pair
 * and its base64, URL- and JSON-escaped), and the shapes of common tokens, whoever's they are.
 * A server, proxy or error page that echoes the request's headers must not get them printed.
 */

export const REDACTED = '[redacted]';

/** Tokens recognisable by their shape alone. */
const TOKEN_SHAPES: readonly RegExp[] = [
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\blin_(?:api|oauth)_[A-Za-z0-9]{20,}/g,
  // Atlassian API tokens (ATATT…) and their newer variants (ATCTT…).
  /\bAT[A-Z]TT[A-Za-z0-9_\-=+/]{20,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  // JSON Web Tokens: a base64url JSON header, a payload and a signature.
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
];

/** A value already redacted, here or by the dry run's header printer. */
const ALREADY = String.raw`\[redacted\]|<redacted>`;
/** A value not yet redacted: up to a space, quote, separator or closing bracket. */
const VALUE = String.raw`(?!${ALREADY})[^\s"',;)\]}]+`;

const SCHEME = String.raw`(?:basic|bearer|token|digest)\s+`;

/** The value of an authorization header, a bearer or basic credential, or a token parameter anywhere. */
const CREDENTIAL_FIELDS: readonly RegExp[] = [
  new RegExp(
    String.raw`\b((?:proxy-)?authorization|x-api-key|private-token|cookie)(["']?\s*[:=]\s*["']?)` +
      String.raw`(?!${SCHEME}?(?:${ALREADY}))(${SCHEME})?${VALUE}`,
    'gi',
  ),
  new RegExp(String.raw`\b()(bearer|basic)(\s+)(?=[A-Za-z0-9._~+/=_-]{8,})${VALUE}`, 'gi'),
  new RegExp(String.raw`()([?&](?:access_token|api_key|apikey|token|key)=)()[^&\s"']+`, 'gi'),
];

/** Credentials of this process, each with every form it may travel in; longest first. */
const known = new Set<string>();
let knownPattern: RegExp | undefined;

const MIN_SECRET_LENGTH = 6;
/** Credential ids that name an account rather than prove it: printed freely (the Jira e-mail). */
const NOT_SECRET = new Set(['email', 'user', 'username']);

/** A credentials record as handed to a tracker adapter, or bare values. */
type Credentials = Record<string, string | undefined> | readonly (string | undefined)[];

/**
 * Remembers the credentials in use, so every later redaction removes them. Short values are not
 * secrets worth hunting (and would eat words).
 */
export function rememberSecrets(credentials: Credentials): void {
  const record = Array.isArray(credentials) ? {} : (credentials as Record<string, string | undefined>);
  const values = Array.isArray(credentials)
    ? credentials
    : Object.entries(record)
        .filter(([id]) => !NOT_SECRET.has(id))
        .map(([, value]) => value);
  const before = known.size;
  for (const value of values) {
    if (value && value.length >= MIN_SECRET_LENGTH) for (const form of secretForms(value)) known.add(form);
  }
  // Jira Cloud signs with Basic base64(email:token): the pair is a secret of its own.
  if (record.email && record.token) for (const form of secretForms(`${record.email}:${record.token}`)) known.add(form);
  if (known.size !== before) knownPattern = undefined;
}

/** Forgets every remembered credential (tests; a signed-out session). */
export function forgetSecrets(): void {
  known.clear();
  knownPattern = undefined;
}

/** Every spelling of one secret a message could carry. */
export function secretForms(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  const base64url = Buffer.from(secret, 'utf8').toString('base64url');
  const forms = [secret, base64, base64.replace(/=+$/, ''), base64url, encodeURIComponent(secret)];
  forms.push(...forms.map((form) => form.replace(/\//g, '\\/')));
  forms.push(JSON.stringify(secret).slice(1, -1));
  return [...new Set(forms)].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function knownSecrets(): RegExp | undefined {
  if (known.size === 0) return undefined;
  knownPattern ??= new RegExp(
    [...known]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  return knownPattern;
}

/** The text with every known credential and every token-shaped string replaced by [redacted]. */
export function redactSecrets(text: string, extra: readonly string[] = []): string {
  if (!text) return text;
  let out = text;
  const pattern = knownSecrets();
  if (pattern) out = out.replace(pattern, REDACTED);
  for (const secret of extra) for (const form of secretForms(secret)) out = out.split(form).join(REDACTED);
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, REDACTED);
  for (const field of CREDENTIAL_FIELDS) {
    out = out.replace(
      field,
      (_m, name: string, separator: string, scheme = '') => name + separator + scheme + REDACTED,
    );
  }
  return out;
}
