// PrivateCertificate, declared once: its public Args (whose TSDoc describes each input), what a
// change of each input does, which are secret, its outputs and its handlers.
import type * as pulumi from "@pulumi/pulumi";
import type {
  CertificateKeyAlgorithm,
  CertificateSignatureAlgorithm,
  KeyUsage,
  RevocationReason,
  SanType,
} from "../../schemas/enums.js";
import { defineResource } from "../shared/declaration.js";
import { ISSUED_OUTPUTS, suspectedDuplicates, STRING_OUTPUT as text } from "../shared/output-facts.js";
import type { ValidityArgs } from "../shared/validity-args.js";
import { privateCertificateHandlers } from "./handlers.js";
import { type PrivateCertificateOutputs, privateCertificateInputs } from "./inputs.js";

/**
 * A certificate's subject: only the common name is required; omitted fields are inherited from the
 * issuing CA. Each is printable text (no line breaks or other control characters), not only spaces.
 */
export interface DistinguishedNameArgs {
  /** The common name (CN): 1–64 characters. */
  commonName: pulumi.Input<string>;
  /** The country (C): two letters, ISO 3166 alpha-2 (e.g. "CN"). Omitted, the issuing CA's. */
  country?: pulumi.Input<string>;
  /** The state or province (ST): 1–128 characters. Omitted, the issuing CA's. */
  state?: pulumi.Input<string>;
  /** The city or locality (L): 1–128 characters. Omitted, the issuing CA's. */
  locality?: pulumi.Input<string>;
  /** The organization (O): 1–64 characters. Omitted, the issuing CA's. */
  organization?: pulumi.Input<string>;
  /** The organizational unit (OU): 1–64 characters. Omitted, the issuing CA's. */
  organizationalUnit?: pulumi.Input<string>;
}

/** The kind of a subject alternative name. (The same values as `limits.SanType`.) */
export type SubjectAlternativeNameType = SanType;

/** A subject alternative name (SAN) of the certificate. */
export interface SubjectAlternativeNameArgs {
  /** DNS, IP, EMAIL or URI. */
  type: pulumi.Input<SubjectAlternativeNameType>;
  /**
   * The name, as its type says: a domain name such as "app.example.com" or "*.example.com"
   * (≤ 253 characters), an IPv4 or IPv6 address, an email address (≤ 256), or an absolute URI
   * such as "spiffe://example.org/app" (≤ 253).
   */
  value: pulumi.Input<string>;
}

/** Extended key usages (RFC 5280 §4.2.1.12) to put in the certificate; each defaults to false. */
export interface ExtendedKeyUsageArgs {
  /** TLS server authentication (1.3.6.1.5.5.7.3.1). */
  serverAuth?: pulumi.Input<boolean>;
  /** TLS client authentication (1.3.6.1.5.5.7.3.2). */
  clientAuth?: pulumi.Input<boolean>;
  /** Code signing (1.3.6.1.5.5.7.3.3). */
  codeSigning?: pulumi.Input<boolean>;
  /** Email protection, S/MIME (1.3.6.1.5.5.7.3.4). */
  emailProtection?: pulumi.Input<boolean>;
  /** Time stamping (1.3.6.1.5.5.7.3.8). */
  timeStamping?: pulumi.Input<boolean>;
}

/** A custom extension to add to the certificate. */
export interface CustomizedExtensionArgs {
  /** The extension's dotted OID, 1–64 characters, e.g. 1.3.6.1.4.1.2011.4.99. */
  objectIdentifier: pulumi.Input<string>;
  /** The extension's value: 1–64 characters. */
  value: pulumi.Input<string>;
}

export interface PrivateCertificateArgs {
  /** The issuing private CA (ACTIVED): its CCM id, a lower-case UUID. */
  issuerId: pulumi.Input<string>;
  /** How long the certificate is valid: at most 20 years. */
  validity: pulumi.Input<ValidityArgs>;
  /**
   * The certificate's key: RSA2048, RSA4096, EC256 or EC384. Required unless csrPem is given (then
   * the CSR carries the key).
   */
  keyAlgorithm?: pulumi.Input<CertificateKeyAlgorithm>;
  /** SHA256, SHA384 or SHA512. Required unless csrPem is given. */
  signatureAlgorithm?: pulumi.Input<CertificateSignatureAlgorithm>;
  /** The certificate's subject. Required unless csrPem is given (then the CSR carries the subject). */
  distinguishedName?: pulumi.Input<DistinguishedNameArgs>;
  /**
   * The certificate's key usages (RFC 5280 §4.2.1.3); omitted, the service's defaults. Not with
   * csrPem.
   */
  keyUsages?: pulumi.Input<pulumi.Input<KeyUsage>[]>;
  /** Up to 20 names: DNS, IP, EMAIL, URI. Not with csrPem. */
  subjectAlternativeNames?: pulumi.Input<pulumi.Input<SubjectAlternativeNameArgs>[]>;
  /** Extended key usages (serverAuth, clientAuth, …). Not with csrPem. */
  extendedKeyUsage?: pulumi.Input<ExtendedKeyUsageArgs>;
  /** A custom extension (an OID and its value). Not with csrPem. */
  customizedExtension?: pulumi.Input<CustomizedExtensionArgs>;
  /**
   * Issue from your own PKCS#10 request instead of a key the service generates: the private key
   * never leaves you, and the bundle then carries no key. Stored as a secret.
   */
  csrPem?: pulumi.Input<string>;
  /**
   * Enterprise project to issue into (Huawei Cloud EPS), where the account uses them: "0" (the
   * default project), "all", or an enterprise project id (a lower-case UUID).
   */
  enterpriseProjectId?: pulumi.Input<string>;
  /**
   * Tags, updated in place: at most 20; keys of 1–128 letters, digits, spaces and _ . : = + - @
   * (not starting with "_sys_"), values of up to 255 of those characters and "/".
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Renew this long before notAfter: once inside the window, `pulumi preview` / `up` plan a
   * replacement (new certificate first, then the old one is deleted) — no refresh needed.
   * "720h", "30d", "1h30m" or ISO 8601 "P30D"; shorter than the validity. Updated in place.
   */
  renewBefore?: pulumi.Input<string>;
  /** Revoke with this reason before deleting (on destroy and after a replacement). Updated in place. */
  revokeOnDelete?: pulumi.Input<RevocationReason>;
}

export const PRIVATE_CERTIFICATE = defineResource<
  typeof privateCertificateInputs,
  PrivateCertificateOutputs,
  "PrivateCertificate"
>({
  name: "PrivateCertificate",
  description: "A certificate issued by a CCM private CA, with a service-generated key or from your CSR.",
  inputs: privateCertificateInputs,
  // Any issuance field changes → a new certificate; the last three change in place.
  inputFacts: {
    issuerId: { change: "replace" },
    validity: { change: "replace" },
    keyAlgorithm: { change: "replace" },
    signatureAlgorithm: { change: "replace" },
    distinguishedName: { change: "replace" },
    keyUsages: { change: "replace", unordered: true },
    subjectAlternativeNames: { change: "replace" },
    extendedKeyUsage: { change: "replace" },
    customizedExtension: { change: "replace" },
    csrPem: { change: "replace", secret: true },
    enterpriseProjectId: { change: "replace", default: '"0" (the default project)' },
    tags: { change: "update" },
    renewBefore: { change: "update" },
    revokeOnDelete: { change: "update" },
  },
  outputs: {
    certificateId: {
      ...text(
        "The CCM certificate id: the resource's id. Unlike the other outputs it stays known during a preview of an in-place update (a tags change), so bundles built from it are not shown as replaced when nothing about the certificate changes.",
      ),
      isId: true,
    },
    ...ISSUED_OUTPUTS,
    status: text("ISSUED, REVOKED or EXPIRED, as of the last create, update or refresh."),
    genMode: text("GENERATE (the service made the key) or CSR."),
    readyForRenewal: {
      type: "boolean",
      description: "True once now ≥ notAfter − renewBefore (or the certificate is revoked or expired).",
    },
    suspectedDuplicateIds: suspectedDuplicates("certificates"),
  },
  handlers: privateCertificateHandlers,
});
