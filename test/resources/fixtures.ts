// A world for certificate tests: an ACTIVED root CA in the emulator, made behind Pulumi's back.
import { rootCaRequest } from "../harness/ca-fixtures.js";
import type { TestEmulator } from "../harness/emulator.js";

export async function createRootCa(emulator: TestEmulator): Promise<{ caId: string; rootPem: string }> {
  const api = emulator.client();
  const { caId } = await api.cas.create({
    ...rootCaRequest("Test Root CA"),
    keyAlgorithm: "EC384",
    signatureAlgorithm: "SHA384",
  });
  const { certificate } = await api.cas.exportCertificate(caId);
  return { caId, rootPem: certificate };
}
