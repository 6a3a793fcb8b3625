// PrivateCa: a CCM private CA (docs/api-facts.md §3) — a ROOT, a SUBORDINATE signed inside CCM by `issuerId`,
// or a SUBORDINATE signed elsewhere: created PENDING, its CSR (CCM "ExportCertificateAuthorityCsr") exposed as `csrPem`, and
// activated when the signed certificate is supplied as `certificatePem` + `certificateChainPem`
// (an in-place update that imports it). Handlers: private-ca.handlers.ts.
import type * as pulumi from "@pulumi/pulumi";
import type { CaKeyAlgorithm, CaSignatureAlgorithm, CaType, KeyUsage } from "../schemas/enums.js";
import type { DeclaredOutputs, PropertyKinds } from "./ccm-resource.js";
import { ISSUED_PROPERTIES, IssuedResource } from "./issued-resource.js";
import type { PrivateCaInputs, PrivateCaOutputs } from "./private-ca.handlers.js";
import type { ValidityArgs } from "./private-certificate.js";

/** A CA's subject: CCM requires all six fields. */
export interface CaDistinguishedNameArgs {
  /** CN, 1–64 characters. */
  commonName: pulumi.Input<string>;
  /** Two letters (ISO 3166). */
  country: pulumi.Input<string>;
  state: pulumi.Input<string>;
  locality: pulumi.Input<string>;
  organization: pulumi.Input<string>;
  organizationalUnit: pulumi.Input<string>;
}

export interface CrlConfigurationArgs {
  enabled: pulumi.Input<boolean>;
  /** Defaults to the CA id. */
  crlName?: pulumi.Input<string>;
  /** Required when enabled (the OBS agency must exist). */
  obsBucketName?: pulumi.Input<string>;
  /** 7–30. */
  validDays?: pulumi.Input<number>;
}

export interface PrivateCaArgs {
  type: pulumi.Input<CaType>;
  distinguishedName: pulumi.Input<CaDistinguishedNameArgs>;
  keyAlgorithm: pulumi.Input<CaKeyAlgorithm>;
  /** Required for a ROOT and for a SUBORDINATE signed by `issuerId`. */
  signatureAlgorithm?: pulumi.Input<CaSignatureAlgorithm>;
  /** Required for a ROOT (≤ 30 years) and for a SUBORDINATE signed by `issuerId` (≤ 20 years). */
  validity?: pulumi.Input<ValidityArgs>;
  /**
   * SUBORDINATE only: the CCM CA that signs it at creation (with signatureAlgorithm and validity).
   * Leave it out to create the CA PENDING and have its `csrPem` signed elsewhere.
   */
  issuerId?: pulumi.Input<string>;
  /** SUBORDINATE only: 0–6, below the issuer's. */
  pathLength?: pulumi.Input<number>;
  /** SUBORDINATE only; defaults to digitalSignature, keyCertSign, cRLSign. */
  keyUsages?: pulumi.Input<pulumi.Input<KeyUsage>[]>;
  crlConfiguration?: pulumi.Input<CrlConfigurationArgs>;
  enterpriseProjectId?: pulumi.Input<string>;
  /** Tags, updated in place. */
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
