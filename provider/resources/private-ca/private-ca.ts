// PrivateCa: a CCM private CA (docs/api-facts.md §3) — a ROOT, a SUBORDINATE signed inside CCM by `issuerId`,
// or a SUBORDINATE signed elsewhere: created PENDING, its CSR (CCM "ExportCertificateAuthorityCsr") exposed as `csrPem`, and
// activated when the signed certificate is supplied as `certificatePem` + `certificateChainPem`
// (an in-place update that imports it). Handlers: private-ca.handlers.ts.
import type * as pulumi from "@pulumi/pulumi";
import type { CaKeyAlgorithm, CaSignatureAlgorithm, CaType, KeyUsage } from "../../schemas/enums.js";
import type { ValidityArgs } from "../private-certificate/private-certificate.js";
import type { DeclaredOutputs, PropertyKinds } from "../shared/ccm-resource.js";
import { ISSUED_PROPERTIES, IssuedResource } from "../shared/issued-resource.js";
import type { PrivateCaInputs, PrivateCaOutputs } from "./handlers.js";

/**
 * A CA's subject: CCM requires all six fields. Each is printable text (no line breaks or other
 * control characters), not only spaces.
 */
export interface CaDistinguishedNameArgs {
  /** The common name (CN): 1–64 characters. */
  commonName: pulumi.Input<string>;
  /** The country (C): two letters, ISO 3166 alpha-2 (e.g. "CN"). */
  country: pulumi.Input<string>;
  /** The state or province (ST): 1–128 characters. */
  state: pulumi.Input<string>;
  /** The city or locality (L): 1–128 characters. */
  locality: pulumi.Input<string>;
  /** The organization (O): 1–64 characters. */
  organization: pulumi.Input<string>;
  /** The organizational unit (OU): 1–64 characters. */
  organizationalUnit: pulumi.Input<string>;
}

/** Publishing the CA's certificate revocation list (CRL) to an OBS bucket. */
export interface CrlConfigurationArgs {
  /** Whether the CA publishes a CRL. */
  enabled: pulumi.Input<boolean>;
  /** The CRL's name; defaults to the CA id. */
  crlName?: pulumi.Input<string>;
  /** The OBS bucket the CRL is published to. Required when enabled (the OBS agency must exist). */
  obsBucketName?: pulumi.Input<string>;
  /** How many days each CRL is valid: 7–30. */
  validDays?: pulumi.Input<number>;
}

export interface PrivateCaArgs {
  /**
   * ROOT (self-signed) or SUBORDINATE (signed by another CA: by `issuerId` inside CCM, or
   * elsewhere through its `csrPem`).
   */
  type: pulumi.Input<CaType>;
  /** The CA's subject; all six fields are required. */
  distinguishedName: pulumi.Input<CaDistinguishedNameArgs>;
  /** The CA's key: RSA2048, RSA4096, EC256, EC384 or SM2 (SM2 on the China site only). */
  keyAlgorithm: pulumi.Input<CaKeyAlgorithm>;
  /**
   * SHA256, SHA384, SHA512 or SM3. Required for a ROOT and for a SUBORDINATE signed by `issuerId`.
   */
  signatureAlgorithm?: pulumi.Input<CaSignatureAlgorithm>;
  /**
   * How long the CA's certificate is valid. Required for a ROOT (≤ 30 years) and for a SUBORDINATE
   * signed by `issuerId` (≤ 20 years).
   */
  validity?: pulumi.Input<ValidityArgs>;
  /**
   * SUBORDINATE only: the CCM CA that signs it at creation (with signatureAlgorithm and validity).
   * Leave it out to create the CA PENDING and have its `csrPem` signed elsewhere.
   */
  issuerId?: pulumi.Input<string>;
  /**
   * SUBORDINATE only: how many CA levels may follow below this one (the path length constraint),
   * 0–6 and below the issuer's; the service defaults to 0.
   */
  pathLength?: pulumi.Input<number>;
  /**
   * The CA certificate's key usages (RFC 5280). SUBORDINATE only (a ROOT ignores them); defaults to
   * digitalSignature, keyCertSign, cRLSign.
   */
  keyUsages?: pulumi.Input<pulumi.Input<KeyUsage>[]>;
  /** Publishing a certificate revocation list (CRL) to OBS. */
  crlConfiguration?: pulumi.Input<CrlConfigurationArgs>;
  /**
   * The enterprise project (Huawei Cloud EPS) to create the CA in: "0" (the default project),
   * "all", or an enterprise project id (a lower-case UUID).
   */
  enterpriseProjectId?: pulumi.Input<string>;
  /**
   * Tags, updated in place: at most 20; keys of 1–128 letters, digits, spaces and _ . : = + - @
   * (not starting with "_sys_"), values of up to 255 of those characters and "/".
   */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Days the CA stays restorable after `pulumi destroy` (DELETE ?pending_days=, 7–30; default 7).
   * Updated in place.
   */
  pendingDays?: pulumi.Input<number>;
  /**
   * For a PENDING SUBORDINATE: the certificate signed elsewhere for this CA's `csrPem`. Supplying
   * it imports it (an in-place update) and the CA becomes ACTIVED. Stored as a secret.
   */
  certificatePem?: pulumi.Input<string>;
  /** With certificatePem: the signer's chain, issuer first, up to the root. Stored as a secret. */
  certificateChainPem?: pulumi.Input<string>;
}

const PROPERTIES = {
  type: "input",
  distinguishedName: "input",
  keyAlgorithm: "input",
  signatureAlgorithm: "input",
  validity: "input",
  issuerId: "input",
  pathLength: "input",
  keyUsages: "input",
  crlConfiguration: "input",
  enterpriseProjectId: "input",
  tags: "input",
  pendingDays: "input",
  certificatePem: "input",
  certificateChainPem: "input",
  caId: "resource id",
  status: "output",
  ...ISSUED_PROPERTIES,
  genMode: "output",
  deleteTime: "output",
  csrPem: "output",
  suspectedDuplicateIds: "output",
} as const satisfies PropertyKinds<PrivateCaArgs, PrivateCaInputs, PrivateCaOutputs>;

export class PrivateCa extends IssuedResource implements DeclaredOutputs<PrivateCa, PrivateCaOutputs> {
  /**
   * The CCM CA id: the resource's id. Unlike the other outputs it stays known while a preview
   * plans an in-place update (tags, an import), so certificates issued from it are not shown as
   * replaced when nothing about the CA changes.
   */
  readonly caId: pulumi.Output<string>;
  /** PENDING, ACTIVED, DISABLED, DELETED (scheduled for deletion) or EXPIRED, as of the last create, update or refresh. */
  declare readonly status: pulumi.Output<string>;
  declare readonly type: pulumi.Output<string>;
  /** GENERATE (signed inside CCM) or IMPORT (signed elsewhere and imported). */
  declare readonly genMode: pulumi.Output<string>;
  /** When a CA scheduled for deletion will be gone (ISO 8601). */
  declare readonly deleteTime: pulumi.Output<string>;
  /**
   * A SUBORDINATE created without issuerId: its certificate signing request (PEM, secret). Fetched
   * once while PENDING and kept after activation (CCM exports it only while PENDING).
   */
  declare readonly csrPem: pulumi.Output<string>;
  /** The CA's certificate (PEM, secret) once ACTIVED. */
  declare readonly certificatePem: pulumi.Output<string>;
  /** The CA's chain above it, up to the root (PEM, secret); a root's chain is the root itself. */
  declare readonly certificateChainPem: pulumi.Output<string>;
  /**
   * Set only when the create's response was lost and it was re-sent: CAs that appeared meanwhile,
   * match this one's request and no resource holds — possible duplicates to check and delete by
   * hand (`pulumi up` also prints a warning naming them).
   */
  declare readonly suspectedDuplicateIds: pulumi.Output<string[] | undefined>;
  declare readonly tags: pulumi.Output<Record<string, string> | undefined>;
  declare readonly pendingDays: pulumi.Output<number | undefined>;

  constructor(name: string, args: PrivateCaArgs, opts?: pulumi.CustomResourceOptions) {
    super("PrivateCa", name, args, PROPERTIES, opts);
    this.caId = this.id;
  }

  /**
   * Looks up an existing CA by id (read-only: Pulumi does not create, update or delete it).
   * `pulumi import` does not work for dynamic providers (pulumi/pulumi#16175); this does.
   */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): PrivateCa {
    return PrivateCa.lookup(name, id, opts);
  }
}
