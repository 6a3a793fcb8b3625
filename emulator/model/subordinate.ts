// Signing a subordinate CA's certificate with its issuer, shared by "create and activate at once"
// and by activating a PENDING subordinate later.

import { issueCertificate } from "../pki/index.js";
import type { ModelContext } from "./context.js";
import { ApiError } from "./errors.js";
import { MAX_YEARS_OTHER, type SignatureAlgorithmName } from "./limits.js";
import { chainBelow, requireIssuer } from "./lookup.js";
import type { CaRecord, ValidityInput } from "./records.js";
import { revocationPointersOf } from "./revocation-urls.js";
import { resolveValidity } from "./validity.js";

export interface SubordinateSigning {
  issuerId: string;
  signatureAlgorithm: SignatureAlgorithmName;
  validity: ValidityInput;
}

/** A subordinate may allow at most one level fewer below it than its issuer does. */
export function checkPathLength(pathLength: number, issuer: CaRecord): void {
  if (pathLength > issuer.pathLength - 1) {
    throw new ApiError(
      "invalidPathLength",
      issuer.pathLength <= 0
        ? `The issuing CA ${issuer.id} has path_length ${issuer.pathLength} and cannot sign subordinate CAs.`
        : `Parameter path_length must be less than the issuing CA's path_length (${issuer.pathLength}).`,
    );
  }
}

/** Returns the CA ACTIVED, signed by `signing.issuerId`; the caller stores it. */
export async function signSubordinate(ctx: ModelContext, ca: CaRecord, signing: SubordinateSigning): Promise<CaRecord> {
  if (ca.privateKeyPem === null) throw new Error("a subordinate CA to be signed must hold its key");
  const issuer = requireIssuer(ctx, signing.issuerId);
  checkPathLength(ca.pathLength, issuer);
  const window = resolveValidity(signing.validity, ctx.clock.now(), MAX_YEARS_OTHER, issuer.notAfter);
  const serialNumber = ctx.serials.fresh();
  const certificatePem = await issueCertificate({
    subject: ca.distinguishedName,
    publicKeyPem: ca.publicKeyPem,
    issuer: { certificatePem: issuer.certificatePem, privateKeyPem: issuer.privateKeyPem },
    signatureAlgorithm: signing.signatureAlgorithm,
    serialNumberHex: serialNumber,
    notBefore: new Date(window.notBefore),
    notAfter: new Date(window.notAfter),
    ca: { pathLength: ca.pathLength },
    keyUsages: ca.keyUsages,
    ...revocationPointersOf(issuer),
  });
  // The issuer may have been disabled while we were signing; the real service would not sign then.
  const current = requireIssuer(ctx, signing.issuerId);
  return {
    ...ca,
    status: "ACTIVED",
    signatureAlgorithm: signing.signatureAlgorithm,
    issuerId: current.id,
    issuerName: current.distinguishedName.commonName,
    certificatePem,
    chainPems: chainBelow(current),
    serialNumber,
    notBefore: window.notBefore,
    notAfter: window.notAfter,
    pending: null,
  };
}
