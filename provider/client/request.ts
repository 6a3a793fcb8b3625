// Building one request from the operation table: the path with its placeholders filled, the
// query as pairs, and the headers with the credentials (an AK/SK signature over them, or the IAM
// token). Built afresh for every attempt, because a signature carries the time it was made
// (X-Sdk-Date) and the service refuses one more than 15 minutes off.
import type { ResolvedConfig } from "../config.js";
import { CcmInvalidArgumentError } from "../errors.js";
import { createRedactor, type Redactor } from "../redact.js";
import { encodeRfc3986, formatSdkDate, type QueryPairs, sign } from "./signer.js";

export const USER_AGENT = "pulumi-huaweicloud-ccm";

/** What is signed: the method, the path without the query, the query and the body. */
export interface SignedParts {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  readonly query: QueryPairs;
  readonly body: string | undefined;
}

/** The headers of one attempt: the account's, then the token or the signature over them all
 * (the clock is read only to sign). */
export function requestHeaders(config: ResolvedConfig, now: () => Date, parts: SignedParts): Record<string, string> {
  const { method, host, path, query, body } = parts;
  const headers: Record<string, string> = { Host: host };
  if (body !== undefined) headers["Content-Type"] = "application/json;charset=UTF-8";
  if (config.projectId) headers["X-Project-Id"] = config.projectId;
  if (config.domainId) headers["X-Domain-Id"] = config.domainId;
  const credentials = config.credentials;
  if (credentials.kind === "token") {
    return { ...headers, "X-Auth-Token": credentials.authToken.reveal(), "User-Agent": USER_AGENT };
  }
  if (credentials.securityToken) headers["X-Security-Token"] = credentials.securityToken.reveal();
  headers["X-Sdk-Date"] = formatSdkDate(now());
  // Every header above is signed (as the Node SDK does); User-Agent is added after signing.
  const signature = sign(
    { method, path, query, headers, body },
    credentials.accessKey.reveal(),
    credentials.secretKey.reveal(),
  );
  return { ...headers, Authorization: signature.authorization, "User-Agent": USER_AGENT };
}

/** Redacts the configured credentials and the call's own secrets (e.g. an export password). */
export function credentialRedactor(config: ResolvedConfig, extra: readonly (string | undefined)[] = []): Redactor {
  const c = config.credentials;
  const secrets =
    c.kind === "aksk"
      ? [c.accessKey.reveal(), c.secretKey.reveal(), c.securityToken?.reveal()]
      : [c.authToken.reveal()];
  return createRedactor([...secrets, ...extra]);
}

/** Fills {placeholders} with RFC 3986-encoded values; an empty value is a bug, not a request. */
export function fillPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-z_]+)\}/g, (_match, name: string) => {
    const value = params[name];
    // An empty id would address the collection instead (TF once sent "{certificate_id}" literally).
    if (value === undefined || value === "") throw new CcmInvalidArgumentError("request path", [`${name} is empty`]);
    return encodeRfc3986(value);
  });
}

/** The query as name/value pairs, a repeated name once per value; undefined values left out. */
export function toPairs(query: Readonly<Record<string, string | readonly string[] | undefined>>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (typeof value === "string") pairs.push([name, value]);
    else for (const v of value) pairs.push([name, v]);
  }
  return pairs;
}
