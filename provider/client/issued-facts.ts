// What a certificate says about the request it was issued for, read from its PEM: SANs, key usage
// bits, extended key usages, any extension by OID, the public key and the validity window. The
// lookup after a lost apply compares these with the request (certificate-match.ts), because the
// service's details carry none of the extensions. node:crypto parses and validates the
// certificate; the small DER walk reaches what X509Certificate does not expose.
import { X509Certificate } from "node:crypto";
import { CcmDecodeError } from "../errors.js";
import { splitPemBlocks } from "../pem.js";
import { KEY_USAGES, type KeyUsage, type SanType } from "../schemas/enums.js";
import { children, type DerNode, malformedDer, oidText, pemBody, readNode } from "./der.js";

export interface SanEntry {
  readonly type: SanType;
  readonly value: string;
}

export interface IssuedFacts {
  readonly subjectAlternativeNames: readonly SanEntry[];
  /** Undefined when the certificate has no KeyUsage extension. */
  readonly keyUsages: readonly KeyUsage[] | undefined;
  readonly extendedKeyUsageOids: readonly string[];
  /** extnValue contents by OID. */
  readonly extensions: ReadonlyMap<string, Buffer>;
  /** SubjectPublicKeyInfo, DER. */
  readonly publicKey: Buffer;
  readonly notBeforeMs: number;
  readonly notAfterMs: number;
}

// KEY_USAGES lists them in RFC 5280 §4.2.1.3 bit order, bit 0 first.
const KEY_USAGE_BITS: readonly KeyUsage[] = KEY_USAGES;

const OID = { keyUsage: "2.5.29.15", subjectAltName: "2.5.29.17", extendedKeyUsage: "2.5.29.37" } as const;
const SEQUENCE = 0x30;

/** Facts of the first certificate in `pem`. Throws when there is none or it does not parse. */
export function issuedFacts(pem: string): IssuedFacts {
  const block = splitPemBlocks(pem).find((b) => b.startsWith("-----BEGIN CERTIFICATE-----"));
  if (!block) throw new CcmDecodeError("no CERTIFICATE block in the PEM text");
  const cert = new X509Certificate(block);
  const tbs = children(readNode(cert.raw))[0];
  if (!tbs || tbs.tag !== SEQUENCE) throw malformedDer("no TBSCertificate");
  const fields = children(tbs);
  const versioned = fields[0]?.tag === 0xa0 ? 1 : 0;
  const publicKey = fields[versioned + 5];
  if (!publicKey || publicKey.tag !== SEQUENCE) throw malformedDer("no SubjectPublicKeyInfo");
  const extensions = readExtensions(fields.find((f) => f.tag === 0xa3));
  const keyUsage = extensions.get(OID.keyUsage);
  const eku = extensions.get(OID.extendedKeyUsage);
  const san = extensions.get(OID.subjectAltName);
  return {
    subjectAlternativeNames: san ? readSans(san) : [],
    keyUsages: keyUsage ? readKeyUsages(keyUsage) : undefined,
    extendedKeyUsageOids: eku ? children(readNode(eku)).map((n) => oidText(n.content)) : [],
    extensions,
    publicKey: Buffer.from(publicKey.raw),
    notBeforeMs: Date.parse(cert.validFrom),
    notAfterMs: Date.parse(cert.validTo),
  };
}

/** The SubjectPublicKeyInfo (DER) of a PEM certificate request. */
export function csrPublicKey(pem: string): Buffer {
  const block = splitPemBlocks(pem).find((b) => b.includes("CERTIFICATE REQUEST-----"));
  if (!block) throw new CcmDecodeError("no CERTIFICATE REQUEST block in the PEM text");
  const info = children(readNode(pemBody(block)))[0];
  const publicKey = info ? children(info)[2] : undefined;
  if (!publicKey || publicKey.tag !== SEQUENCE) throw malformedDer("no SubjectPublicKeyInfo in the request");
  return Buffer.from(publicKey.raw);
}

/** IP address text in one canonical form (IPv6 compressed, lower case), so forms compare equal. */
export function canonicalIp(text: string): string {
  if (!text.includes(":")) return text;
  try {
    return new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return text.toLowerCase();
  }
}

function readExtensions(wrapper: DerNode | undefined): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const list = wrapper ? children(wrapper)[0] : undefined;
  if (!list) return out;
  for (const extension of children(list)) {
    const parts = children(extension);
    const id = parts[0];
    const value = parts.at(-1); // extnValue OCTET STRING, after the optional `critical`
    if (id?.tag === 0x06 && value?.tag === 0x04) out.set(oidText(id.content), Buffer.from(value.content));
  }
  return out;
}

function readKeyUsages(extnValue: Buffer): KeyUsage[] {
  const bits = readNode(extnValue).content.subarray(1); // first byte: unused bit count
  return KEY_USAGE_BITS.filter((_, i) => ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
}

function readSans(extnValue: Buffer): SanEntry[] {
  const out: SanEntry[] = [];
  for (const name of children(readNode(extnValue))) {
    switch (name.tag) {
      case 0x81:
        out.push({ type: "EMAIL", value: name.content.toString("latin1") });
        break;
      case 0x82:
        out.push({ type: "DNS", value: name.content.toString("latin1") });
        break;
      case 0x86:
        out.push({ type: "URI", value: name.content.toString("latin1") });
        break;
      case 0x87:
        out.push({ type: "IP", value: ipText(name.content) });
        break;
      // NO-OP: other GeneralName forms cannot come from the apply API, so they simply never match.
    }
  }
  return out;
}

function ipText(bytes: Buffer): string {
  if (bytes.length === 4) return [...bytes].join(".");
  const groups: string[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) groups.push(bytes.readUInt16BE(i).toString(16));
  return canonicalIp(groups.join(":"));
}
