// The target of a Revocation, certificate or CA: revoking it, reading it back, and finding it by
// id alone (an import). CCM keeps the two apart — other ids, other calls, other rules — and says
// different things about each: a certificate's status turns REVOKED, while a CA keeps its status
// (the API has no REVOKED CA status and its details carry no trace of a revocation), so a CA's
// earlier revocation shows only as the service refusing a second one.
import type { CcmClient } from "../../client/index.js";
import { type CcmApiError, ExplainedApiError, isCcmApiError, isNotFoundError } from "../../errors.js";
import type { CaInfo } from "../../schemas/ca.js";
import { CA_STATUSES_WITH_CERTIFICATE, type RevocationReason } from "../../schemas/enums.js";
import type { IssuedObjectInfo } from "../../schemas/issued-object.js";
import { definedEntries } from "../shared/common.js";
import type { TargetKind } from "./inputs.js";

/** What the outputs say of the target, as CCM reports it now. */
export interface TargetFacts {
  targetKind: TargetKind;
  status: string;
  commonName?: string;
  serialNumber?: string;
}

export interface Revoked {
  facts: TargetFacts;
  /** True when the target was revoked before this call (CCM kept the first reason). */
  alreadyRevoked: boolean;
}

/**
 * The service's code for "the status does not allow this operation" (docs/emulator.md: the docs
 * name no code for it). UNCERTAIN: the code the live service answers a second CA revocation with
 * is not documented; any other answer is reported as the error it is, never taken as success.
 */
const STATE_REFUSAL_CODE = "PCA.00030203";

function factsOf(targetKind: TargetKind, info: IssuedObjectInfo): TargetFacts {
  return {
    targetKind,
    status: info.status,
    ...definedEntries({ commonName: info.distinguishedName.commonName, serialNumber: info.serialNumber }),
  };
}

function explainMissing(error: unknown, property: string, what: string, otherwise: string): unknown {
  if (!isNotFoundError(error) || !isCcmApiError(error)) return error;
  return new ExplainedApiError(error, `${property}: ${what} does not exist (or was deleted); ${otherwise}`);
}

async function revokeCertificate(api: CcmClient, id: string, reason: RevocationReason): Promise<Revoked> {
  try {
    const { alreadyRevoked } = await api.certificates.revoke(id, reason);
    return { facts: factsOf("CERTIFICATE", await api.certificates.get(id)), alreadyRevoked };
  } catch (error) {
    const missing = explainMissing(error, "certificateId", `the private certificate ${id}`, "a CA's id goes in caId");
    if (missing !== error || !isCcmApiError(error)) throw missing;
    // Refused: say why when its status does (an expired certificate); otherwise the answer as it is.
    const status = error.status < 500 ? (await api.certificates.find(id))?.status : undefined;
    if (status === undefined || status === "ISSUED" || status === "REVOKED") throw error;
    throw new ExplainedApiError(
      error,
      `certificateId: the certificate ${id} is ${status}; CCM revokes only ISSUED certificates (an expired one is no longer trusted anyway)`,
    );
  }
}

/** Why CCM refused to revoke this CA, in words; undefined when it was already revoked. */
function caRefusal(error: CcmApiError, ca: CaInfo): string | undefined {
  if (ca.type !== "SUBORDINATE") {
    return (
      `caId: the CA ${ca.caId} is a ${ca.type} CA and CCM revokes only SUBORDINATE CAs; to stop a root, ` +
      "disable it (and revoke the subordinates and certificates it issued)"
    );
  }
  const revocable = CA_STATUSES_WITH_CERTIFICATE.has(ca.status);
  if (revocable && error.status === 403 && error.errorCode === STATE_REFUSAL_CODE) return undefined;
  if (revocable) return `caId: CCM refused to revoke the CA ${ca.caId} (${ca.status})`;
  return `caId: the CA ${ca.caId} is ${ca.status}: it has no certificate in force to revoke`;
}

async function revokeCa(api: CcmClient, id: string, reason: RevocationReason): Promise<Revoked> {
  let ca: CaInfo;
  try {
    ca = await api.cas.get(id);
  } catch (error) {
    throw explainMissing(error, "caId", `the CA ${id}`, "a private certificate's id goes in certificateId");
  }
  try {
    await api.cas.revoke(id, reason);
  } catch (error) {
    if (!isCcmApiError(error) || error.status >= 500) throw error;
    const refusal = caRefusal(error, ca);
    if (refusal !== undefined) throw new ExplainedApiError(error, refusal);
    return { facts: factsOf("CA", ca), alreadyRevoked: true };
  }
  return { facts: factsOf("CA", await api.cas.get(id)), alreadyRevoked: false };
}

export function revokeTarget(api: CcmClient, kind: TargetKind, id: string, reason: RevocationReason): Promise<Revoked> {
  return kind === "CERTIFICATE" ? revokeCertificate(api, id, reason) : revokeCa(api, id, reason);
}

/** The target as CCM reports it now; undefined when it no longer exists. */
export async function readTarget(api: CcmClient, kind: TargetKind, id: string): Promise<TargetFacts | undefined> {
  const info = kind === "CERTIFICATE" ? await api.certificates.find(id) : await api.cas.find(id);
  return info ? factsOf(kind, info) : undefined;
}

/** By id alone (an import): a certificate first, else a CA; with the CA's type, which decides. */
export async function findTarget(api: CcmClient, id: string): Promise<(TargetFacts & { caType?: string }) | undefined> {
  const certificate = await api.certificates.find(id);
  if (certificate) return factsOf("CERTIFICATE", certificate);
  const ca = await api.cas.find(id);
  return ca ? { ...factsOf("CA", ca), caType: ca.type } : undefined;
}
