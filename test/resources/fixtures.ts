// A world for certificate tests: an ACTIVED root CA in the emulator, made behind Pulumi's back.
import type { TestEmulator } from "../harness/emulator.js";

export async function createRootCa(emulator: TestEmulator): Promise<{ caId: string; rootPem: string }> {
  const api = emulator.client();
  const { caId } = await api.cas.create({
    type: "ROOT",
    keyAlgorithm: "EC384",
    signatureAlgorithm: "SHA384",
    validity: { type: "YEAR", value: 5 },
    distinguishedName: {
      commonName: "Test Root CA",
      country: "CN",
      state: "Sichuan",
      locality: "Chengdu",
      organization: "Example Corp",
      organizationalUnit: "Platform",
    },
  });
  const { certificate } = await api.cas.exportCertificate(caId);
  return { caId, rootPem: certificate };
}
