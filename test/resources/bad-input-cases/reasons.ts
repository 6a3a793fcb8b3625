// The reasons a bad-input case's refusal must match: one spelling for each rule that several
// resources share.
export const LOWER_UUID = /36-character UUID in lower case \(hex digits 0-9 a-f, groups 8-4-4-4-12\)/;
export const EPS = /must be "0" \(the default project\), "all", or an enterprise project id \(a lower-case UUID\)/;
export const PRINTABLE = /must be printable text: no line breaks, tabs or other control characters/;
export const TAG_KEY = /is not allowed: a key has 1–128 characters of letters, digits, spaces and _ \. : = \+ - @/;
export const START_FORMAT = /must be an ISO 8601 date such as "2030-01-01T00:00:00Z" or milliseconds since the epoch/;
export const START_PAST = /must not be earlier than now minus 5 minutes \(.*\); leave it out to start now/;
export const CSR_PARSE = /csrPem must be a PEM certificate request that parses \(PKCS#10, base64 DER\)/;
export const CSR_ONE = /csrPem must be exactly one PEM certificate request \(-----BEGIN CERTIFICATE REQUEST-----/;
export const TAG_VALUE =
  /is not allowed: a value has 0–255 characters of letters, digits, spaces and _ \. : \/ = \+ - @/;
export const START_FUTURE =
  /must be before .*: a certificate starts inside its issuer's validity, and no CA lasts longer/;
