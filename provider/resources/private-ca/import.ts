// The external-signing flow's last step: a PENDING SUBORDINATE imports the certificate signed
// elsewhere (certificatePem + certificateChainPem), an in-place update judged from state only.
import type { CcmClient } from "../../client/index.js";
import { CcmInvalidArgumentError } from "../../errors.js";
import { splitPemBlocks } from "../../pem.js";
import { explainImportRefusal } from "../shared/ca-explain.js";
import { containsUnknown } from "../shared/unknowns.js";
import type { PrivateCaInputs, PrivateCaOutputs } from "./inputs.js";

/** The first certificate of a PEM text, normalised; used to tell whether two PEMs are the same certificate. */
function firstCertificate(pem: unknown): string | undefined {
  if (typeof pem !== "string") return undefined;
  return splitPemBlocks(pem).find((block) => block.startsWith("-----BEGIN CERTIFICATE-----"));
}

/** Whether supplying certificatePem asks for an import (an update), judged from state only. */
export function wantsImport(olds: PrivateCaOutputs, news: Record<string, unknown>): boolean {
  const certificate = news.certificatePem;
  if (certificate === undefined || certificate === null) return false;
  if (containsUnknown(certificate) || containsUnknown(news.certificateChainPem)) return true;
  if (olds.status === "PENDING") return true;
  // Already activated with this very certificate: nothing to do, whatever the chain's spelling.
  return firstCertificate(olds.certificatePem) !== firstCertificate(certificate);
}

export async function importSigned(api: CcmClient, caId: string, args: PrivateCaInputs): Promise<void> {
  try {
    await api.cas.importCertificate(caId, {
      certificate: args.certificatePem ?? "",
      certificateChain: args.certificateChainPem ?? "",
    });
  } catch (error) {
    throw await explainImportRefusal(api, caId, error);
  }
}

/** An update's import: into a PENDING CA; an ACTIVED one only agrees if it already has this certificate. */
export async function importOnUpdate(api: CcmClient, id: string, olds: PrivateCaOutputs, args: PrivateCaInputs) {
  let info = await api.cas.get(id);
  if (!args.certificatePem || !args.certificateChainPem) return info;
  if (info.status === "PENDING") {
    await importSigned(api, id, args);
    info = await api.cas.get(id);
    return info;
  }
  const current = olds.certificatePem ?? (await api.cas.exportCertificate(id)).certificate;
  if (firstCertificate(current) !== firstCertificate(args.certificatePem)) {
    throw new CcmInvalidArgumentError("PrivateCa certificatePem", [
      `CCM imports a certificate only into a PENDING CA, and CA ${id} is ${info.status} with another ` +
        "certificate. To change a CA's certificate, replace the CA (pulumi up --replace <urn>) and have the " +
        "new CA's csrPem signed",
    ]);
  }
  return info;
}
