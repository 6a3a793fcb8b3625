// Errors that teach, for the CA flows: the service refuses an issuance from a CA that is not
// ACTIVED, a CSR export from a CA that is not PENDING, and an import whose key is not the CA's —
// with codes that differ between the docs, the live service and the emulator (a state conflict has
// no documented code at all). So these helpers never guess from the code alone: after a refusal
// they look at the CA (one GET, only on the failure path) and, when its state is the cause, say so
// and what to do, naming the property the user wrote. The API error itself (status, error_code,
// request id) stays in the message and in `cause`.

import type { CcmClient } from "../../client/index.js";
import { type CcmApiError, ExplainedApiError, isCcmApiError, isNotFoundError } from "../../errors.js";
import type { CaInfo } from "../../schemas/ca.js";
import { nominalValidityMs } from "../../schemas/validity.js";

/** The key mismatch code of the import API (docs/api-facts.md §4.1). */
export const KEY_MISMATCH_ERROR_CODE = "PCA.00030301";

const CA_PATH = "/v1/private-certificate-authorities/{ca_id}";

function describeCa(ca: CaInfo): string {
  const name = ca.distinguishedName.commonName;
  return `CA ${ca.caId}${name ? ` (${JSON.stringify(name)})` : ""}`;
}

/** Why a CA in this state cannot issue, and what to do; undefined when the state is not the reason. */
export function issuerStateAdvice(ca: CaInfo): string | undefined {
  switch (ca.status) {
    case "PENDING":
      return (
        "it is PENDING (not activated yet). Activate it first: import the certificate signed for its csrPem " +
        "(PrivateCa certificatePem and certificateChainPem), or create it with issuerId, signatureAlgorithm and validity"
      );
    case "DISABLED":
      return `it is DISABLED. Enable it again (console, or POST ${CA_PATH}/enable), or issue from another CA`;
    case "DELETED":
      return `it is scheduled for deletion (DELETED). Restore it (POST ${CA_PATH}/restore) and enable it, or issue from another CA`;
    case "EXPIRED":
      return `its certificate expired${ca.notAfter ? ` at ${ca.notAfter}` : ""}. Issue from a CA that is still valid`;
    default:
      if (ca.genMode === "CSR") {
        return (
          "it was issued from a CSR (IntermediateCaCertificate), so CCM holds no private key for it and it cannot sign. " +
          "Issue from the PrivateCa that imported this certificate (its caId)"
        );
      }
      return undefined;
  }
}

async function findQuietly(api: CcmClient, caId: string): Promise<CaInfo | undefined | "unknown"> {
  try {
    return await api.cas.find(caId);
  } catch {
    return "unknown";
  }
}

function isRefusal(error: unknown): error is CcmApiError {
  return isCcmApiError(error) && error.status >= 400 && error.status < 500;
}

/**
 * After an issuance (certificate, subordinate or intermediate CA) was refused: the error to throw.
 * `what` names what was being issued ("certificates", "subordinate CAs").
 */
export async function explainIssuerRefusal(
  api: CcmClient,
  issuerId: string,
  error: unknown,
  what: string,
  validity: RequestedValidity | undefined,
  /** The handler's clock reading: a validity without startFrom starts now. */
  now: number,
): Promise<unknown> {
  if (!isRefusal(error)) return error;
  if (isNotFoundError(error)) {
    return new ExplainedApiError(error, `issuerId: the CA ${issuerId} does not exist (or was deleted)`);
  }
  const issuer = await findQuietly(api, issuerId);
  if (issuer === "unknown") return error;
  if (issuer === undefined) {
    return new ExplainedApiError(error, `issuerId: the CA ${issuerId} does not exist (or was deleted)`);
  }
  const advice = issuerStateAdvice(issuer);
  if (!advice) return validity ? (explainPastIssuerEnd(error, issuer, validity, now) ?? error) : error;
  return new ExplainedApiError(
    error,
    `issuerId: the ${describeCa(issuer)} cannot issue ${what}: only an ACTIVED CA issues, and ${advice}`,
  );
}

export interface RequestedValidity {
  type: string;
  value: number;
  /** Epoch milliseconds, as check leaves it. */
  startFrom?: number | undefined;
}

/**
 * An ACTIVED issuer refused: when the requested window starts or ends after the issuer's own
 * notAfter — the one limit check cannot know, since it needs the issuer — say so with the dates.
 */
function explainPastIssuerEnd(error: CcmApiError, issuer: CaInfo, validity: RequestedValidity, now: number): unknown {
  if (!issuer.notAfter) return undefined;
  const issuerEnd = Date.parse(issuer.notAfter);
  const start = validity.startFrom ?? now;
  const length = nominalValidityMs(validity.type, validity.value);
  const end = length === undefined ? start : start + length;
  if (!(end > issuerEnd)) return undefined;
  const which = start > issuerEnd ? "validity.startFrom" : "validity";
  return new ExplainedApiError(
    error,
    `${which}: the requested validity (from ${new Date(start).toISOString()}, ${validity.value} ${validity.type}) ` +
      `ends after its issuer, the ${describeCa(issuer)}, which is valid until ${issuer.notAfter}. ` +
      "Start earlier, shorten the validity, or issue from a CA that lasts longer",
  );
}

/** After an import of a signed certificate into `caId` was refused: the error to throw. */
export async function explainImportRefusal(api: CcmClient, caId: string, error: unknown): Promise<unknown> {
  if (!isRefusal(error)) return error;
  if (error.errorCode === KEY_MISMATCH_ERROR_CODE) {
    return new ExplainedApiError(
      error,
      `certificatePem: the certificate's public key is not the key of CA ${caId}, so it was not issued for this ` +
        "CA's CSR. Have the csrPem output of this PrivateCa signed (e.g. with an IntermediateCaCertificate) and " +
        "supply that certificate and its chain",
    );
  }
  const ca = await findQuietly(api, caId);
  if (ca === "unknown" || ca === undefined || ca.status === "PENDING") return error;
  return new ExplainedApiError(
    error,
    `certificatePem: CCM imports a certificate only into a PENDING subordinate CA, and the ${describeCa(ca)} is ${ca.status}`,
  );
}

/** After a CSR export of `caId` was refused: the error to throw. */
export async function explainCsrRefusal(api: CcmClient, caId: string, error: unknown): Promise<unknown> {
  if (!isRefusal(error)) return error;
  const ca = await findQuietly(api, caId);
  if (ca === "unknown" || ca === undefined || ca.status === "PENDING") return error;
  return new ExplainedApiError(
    error,
    `csrPem: CCM exports a CA's certificate signing request only while the CA is PENDING, and the ${describeCa(ca)} is ` +
      `${ca.status}. A PrivateCa keeps the CSR it fetched while pending in its csrPem output`,
  );
}

/** The CA's CSR, with a teaching error when the CA is past PENDING. */
export async function exportCsrExplained(api: CcmClient, caId: string): Promise<string> {
  try {
    return await api.cas.exportCsr(caId);
  } catch (error) {
    throw await explainCsrRefusal(api, caId, error);
  }
}
