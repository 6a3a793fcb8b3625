// Redaction: the one place that decides what never leaves the process in a message or a log
// line. Two layers, because neither alone is enough: known secret *values* (the configured keys
// and tokens, an export password) are replaced wherever they appear, and secret-looking *shapes*
// (PEM bodies, Authorization headers, signatures, long opaque tokens) are replaced even when we
// do not know the value — e.g. a private key echoed back in a server's error_msg.

export const REDACTED = "[redacted]";

// A PEM block, or a dangling BEGIN whose END was cut off by truncation.
const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g;
const AUTHORIZATION_VALUE = /SDK-HMAC-SHA256\s+[^\r\n"]*/g;
const SIGNATURE_PARAM = /(Signature=)[0-9a-fA-F]{16,}/g;
const SECRET_HEADER = /((?:x-auth-token|x-security-token|x-subject-token|authorization)\s*[:=]\s*)[^\s,;"]+/gi;
// IAM tokens and security tokens are long base64url runs; nothing legitimate in an error
// message looks like 120+ characters of base64 with no spaces.
const LONG_OPAQUE = /[A-Za-z0-9+/_=-]{120,}/g;

/** Replaces secret-looking shapes; safe on any text. */
export function scrub(text: string): string {
  return text
    .replace(PEM_BLOCK, "[PEM redacted]")
    .replace(AUTHORIZATION_VALUE, `SDK-HMAC-SHA256 ${REDACTED}`)
    .replace(SIGNATURE_PARAM, `$1${REDACTED}`)
    .replace(SECRET_HEADER, `$1${REDACTED}`)
    .replace(LONG_OPAQUE, REDACTED);
}

/** A redactor for one set of known secret values (the call's credentials, a password). */
export type Redactor = (text: string) => string;

export function createRedactor(secretValues: ReadonlyArray<string | undefined>): Redactor {
  // Longest first so a secret containing another is replaced whole. Very short values are not
  // replaced by value (they would mangle ordinary words); the shape rules still apply to them.
  const values = secretValues
    .filter((v): v is string => typeof v === "string" && v.length >= 4)
    .sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const value of values) out = out.split(value).join(REDACTED);
    return scrub(out);
  };
}
