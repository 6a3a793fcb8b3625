// PrivateCa, declared once: its public Args (whose TSDoc describes each input), what a change of
// each input does, which are secret, its outputs and its handlers (docs/api-facts.md §3).
import type * as pulumi from "@pulumi/pulumi";
import type { CaKeyAlgorithm, CaSignatureAlgorithm, CaType, KeyUsage, RevocationReason } from "../../schemas/enums.js";
import { defineResource } from "../shared/declaration.js";
import { ISSUED_OUTPUTS, suspectedDuplicates, STRING_OUTPUT as text } from "../shared/output-facts.js";
import type { ValidityArgs } from "../shared/validity-args.js";
import { privateCaHandlers } from "./handlers.js";
import { DEFAULT_PENDING_DAYS, type PrivateCaOutputs, privateCaInputs } from "./inputs.js";

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
  /**
   * Publishing the CA's certificate revocation list (CRL) to OBS. Sent with the create; a later
   * change is applied in place through CCM's CRL enable and disable calls (the CA must be ACTIVED
   * or DISABLED), and a refresh shows a CRL switched outside the stack.
   */
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
  /**
   * false disables the CA (it can no longer issue; certificates issued from it fail at `up` saying
   * so), true enables it again; applied in place. Left out, the CA is created enabled and a CA
   * disabled or enabled outside the stack is left as it is (its `status` shows it).
   */
  enabled?: pulumi.Input<boolean>;
  /**
   * Turns the CA's OCSP responder on or off in place (CCM's OCSP switch; the CA must be ACTIVED or
   * DISABLED). Certificates issued while it is on name the responder (Authority Information
   * Access). Left out, OCSP is left as it is (off for a new CA).
   */
  ocspEnabled?: pulumi.Input<boolean>;
  /**
   * SUBORDINATE only: revoke the CA's certificate with this reason when the resource is destroyed,
   * before it is disabled and scheduled for deletion. Left out, destroy does not revoke.
   */
  revokeOnDelete?: pulumi.Input<RevocationReason>;
}

export const PRIVATE_CA = defineResource<typeof privateCaInputs, PrivateCaOutputs, "PrivateCa">({
  name: "PrivateCa",
  description: "A CCM private CA: root or subordinate, created, imported or activated.",
  inputs: privateCaInputs,
  // Issuance fields change → a new CA; tags, pendingDays and the switches change in place.
  inputFacts: {
    type: { change: "replace" },
    distinguishedName: { change: "replace" },
    keyAlgorithm: { change: "replace" },
    signatureAlgorithm: { change: "replace" },
    validity: { change: "replace" },
    issuerId: { change: "replace" },
    pathLength: { change: "replace", default: "0 (the service's)" },
    keyUsages: { change: "replace", unordered: true, default: "digitalSignature, keyCertSign, cRLSign" },
    // Through the CRL enable / disable endpoints (the OBS agency must exist, as at create).
    crlConfiguration: { change: "update", default: "no CRL" },
    enterpriseProjectId: { change: "replace", default: '"0" (the default project)' },
    tags: { change: "update" },
    pendingDays: { change: "update", default: String(DEFAULT_PENDING_DAYS) },
    // The import pair activates a PENDING SUBORDINATE in place; the handlers judge it.
    certificatePem: { change: "custom", secret: true },
    certificateChainPem: { change: "custom", secret: true },
    enabled: { change: "update", default: "enabled at creation; then left as it is" },
    ocspEnabled: { change: "update", default: "off at creation; then left as it is" },
    revokeOnDelete: { change: "update", default: "none: destroy does not revoke" },
  },
  outputs: {
    caId: {
      ...text(
        "The CCM CA id: the resource's id. Unlike the other outputs it stays known while a preview plans an in-place update (tags, an import), so certificates issued from it are not shown as replaced when nothing about the CA changes.",
      ),
      isId: true,
    },
    ...ISSUED_OUTPUTS,
    status: text(
      "PENDING, ACTIVED, DISABLED, DELETED (scheduled for deletion) or EXPIRED, as of the last create, update or refresh.",
    ),
    genMode: text(
      "GENERATE (signed inside CCM), IMPORT (signed elsewhere and imported) or CSR (issued from a CSR, taken over by id).",
    ),
    deleteTime: text("When a CA scheduled for deletion will be gone (ISO 8601)."),
    csrPem: text(
      "A SUBORDINATE created without issuerId: its certificate signing request (PEM). Fetched once while PENDING and kept after activation (CCM exports it only while PENDING).",
      true,
    ),
    certificatePem: text("The CA's certificate (PEM) once ACTIVED, as exported.", true),
    certificateChainPem: text(
      "The CA's chain above it, up to the root (PEM); a root's chain is the root itself.",
      true,
    ),
    suspectedDuplicateIds: suspectedDuplicates("CAs"),
  },
  handlers: privateCaHandlers,
});
