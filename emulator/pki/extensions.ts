// The X.509 v3 extensions a CCM certificate carries, built from the API's request fields
// (docs/api-facts.md §2.1: key_usages, extended_key_usage, subject_alternative_names, customized_extension)
// and from the issuing CA's revocation switches (CRL Distribution Points, Authority Information Access).
import { isIP } from "node:net";
import { isValidOid, utf8String } from "./der.js";
import { PkiInputError } from "./errors.js";
import type { ExtendedKeyUsage, IssueRequest, KeyUsage, SubjectAltName } from "./types.js";
import { x509 } from "./x509-lib.js";

const KEY_USAGE_FLAGS: Readonly<Record<KeyUsage, number>> = {
  digitalSignature: x509.KeyUsageFlags.digitalSignature,
  nonRepudiation: x509.KeyUsageFlags.nonRepudiation,
  keyEncipherment: x509.KeyUsageFlags.keyEncipherment,
  dataEncipherment: x509.KeyUsageFlags.dataEncipherment,
  keyAgreement: x509.KeyUsageFlags.keyAgreement,
  keyCertSign: x509.KeyUsageFlags.keyCertSign,
  cRLSign: x509.KeyUsageFlags.cRLSign,
  encipherOnly: x509.KeyUsageFlags.encipherOnly,
  decipherOnly: x509.KeyUsageFlags.decipherOnly,
};

const EXTENDED_KEY_USAGE_OIDS: Readonly<Record<ExtendedKeyUsage, string>> = {
  serverAuth: "1.3.6.1.5.5.7.3.1",
  clientAuth: "1.3.6.1.5.5.7.3.2",
  codeSigning: "1.3.6.1.5.5.7.3.3",
  emailProtection: "1.3.6.1.5.5.7.3.4",
  timeStamping: "1.3.6.1.5.5.7.3.8",
};

const SAN_TYPES: Readonly<Record<SubjectAltName["type"], x509.GeneralNameType>> = {
  DNS: "dns",
  IP: "ip",
  EMAIL: "email",
  URI: "url",
};

function lookup<T>(table: Readonly<Record<string, T>>, key: unknown, what: string): T {
  if (typeof key === "string" && Object.hasOwn(table, key)) return table[key]!;
  throw new PkiInputError(`unsupported ${what} "${String(key)}"`);
}

/** BasicConstraints: critical cA=true (+ pathLenConstraint) for CAs, critical cA=false otherwise. */
export function basicConstraints(ca: IssueRequest["ca"]): x509.BasicConstraintsExtension {
  if (!ca) return new x509.BasicConstraintsExtension(false, undefined, true);
  const { pathLength } = ca;
  if (pathLength !== undefined && !(Number.isInteger(pathLength) && pathLength >= 0)) {
    throw new PkiInputError("ca.pathLength must be a non-negative integer");
  }
  return new x509.BasicConstraintsExtension(true, pathLength, true);
}

/** KeyUsage is critical (RFC 5280 §4.2.1.3 "SHOULD"); absent when no usage is asked for. */
export function keyUsage(usages: readonly KeyUsage[] | undefined): x509.KeyUsagesExtension | undefined {
  if (!usages?.length) return undefined;
  const flags = usages.reduce((all, usage) => all | lookup(KEY_USAGE_FLAGS, usage, "key usage"), 0);
  return new x509.KeyUsagesExtension(flags, true);
}

/** The usages a KeyUsage extension's flags stand for, in RFC 5280 order. */
export function keyUsagesOf(extension: x509.KeyUsagesExtension): KeyUsage[] {
  return (Object.entries(KEY_USAGE_FLAGS) as [KeyUsage, number][])
    .filter(([, flag]) => (extension.usages & flag) !== 0)
    .map(([usage]) => usage);
}

export function extendedKeyUsage(
  usages: readonly ExtendedKeyUsage[] | undefined,
): x509.ExtendedKeyUsageExtension | undefined {
  if (!usages?.length) return undefined;
  const oids = [...new Set(usages.map((usage) => lookup(EXTENDED_KEY_USAGE_OIDS, usage, "extended key usage")))];
  return new x509.ExtendedKeyUsageExtension(oids, false);
}

/**
 * IPv4 as dotted quad; IPv6 canonicalised through the WHATWG URL parser (which also rewrites an
 * embedded IPv4 tail as hex groups, the only IPv6 form @peculiar/x509's parser understands).
 */
function canonicalIp(value: string): string {
  const version = isIP(value);
  if (version === 4) return value;
  if (version === 6) return new URL(`http://[${value}]/`).hostname.slice(1, -1);
  throw new PkiInputError("IP subject alternative name is not an IPv4 or IPv6 address");
}

export function subjectAltName(
  names: readonly SubjectAltName[] | undefined,
): x509.SubjectAlternativeNameExtension | undefined {
  if (!names?.length) return undefined;
  const json = names.map(({ type, value }): x509.JsonGeneralName => {
    const libraryType = lookup(SAN_TYPES, type, "subject alternative name type");
    if (typeof value !== "string" || value.length === 0) {
      throw new PkiInputError(`${type} subject alternative name must be a non-empty string`);
    }
    if (type === "IP") return { type: libraryType, value: canonicalIp(value) };
    // dNSName, rfc822Name and URI are IA5Strings: ASCII only.
    if (!/^[\x20-\x7e]+$/.test(value)) {
      throw new PkiInputError(`${type} subject alternative name must be printable ASCII`);
    }
    return { type: libraryType, value };
  });
  return new x509.SubjectAlternativeNameExtension(json, false);
}

/** A URI an extension carries must be printable ASCII (an IA5String) and an absolute URL. */
function checkUri(value: unknown, what: string): string {
  if (typeof value !== "string" || !/^[\x21-\x7e]+$/.test(value) || !URL.canParse(value)) {
    throw new PkiInputError(`${what} must be an absolute URL of printable ASCII`);
  }
  return value;
}

/** Where the issuer's CRL is published (RFC 5280 §4.2.1.13); absent when it publishes none. */
export function crlDistributionPoints(url: string | undefined): x509.CRLDistributionPointsExtension | undefined {
  if (url === undefined) return undefined;
  return new x509.CRLDistributionPointsExtension([checkUri(url, "CRL distribution point")], false);
}

/** The issuer's OCSP responder (RFC 5280 §4.2.2.1); absent when it has none. */
export function authorityInfoAccess(ocspUrl: string | undefined): x509.AuthorityInfoAccessExtension | undefined {
  if (ocspUrl === undefined) return undefined;
  return new x509.AuthorityInfoAccessExtension({ ocsp: checkUri(ocspUrl, "OCSP URL") }, false);
}

/** CCM's customized_extension: a non-critical extension whose value is one UTF8String. */
export function customExtension(custom: IssueRequest["customExtension"]): x509.Extension | undefined {
  if (!custom) return undefined;
  if (typeof custom.oid !== "string" || !isValidOid(custom.oid)) {
    throw new PkiInputError("custom extension OID must be a dotted OID such as 1.3.6.1.4.1.2011.4.99");
  }
  if (typeof custom.value !== "string") throw new PkiInputError("custom extension value must be a string");
  return new x509.Extension(custom.oid, false, utf8String(custom.value));
}
