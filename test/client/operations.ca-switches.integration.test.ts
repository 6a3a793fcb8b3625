// Client CA revocation switches against ccm-emulator: setOcsp (a repeat, or a resend after a lost
// response, is {changed: false}), enableCrl / disableCrl with the CA detail following, what a
// certificate issued meanwhile carries, refusals (arguments, state, not found) and getConsoleConfig.
import { describe, expect, it } from "vitest";
import {
  cert,
  client,
  harness,
  leafArgs,
  pendingSubordinate,
  rootCa,
  useOperationsEmulator,
} from "./operations-emulator.js";

useOperationsEmulator();

const MISSING = "00000000-0000-4000-8000-000000000000";

/** The PEM of a certificate `issuerId` issues now. */
async function issuedPem(issuerId: string): Promise<string> {
  const { certificateId } = await client.certificates.apply(leafArgs(issuerId));
  const { certificate } = await client.certificates.exportPem(certificateId, { type: "OTHER" });
  if (certificate === undefined) throw new Error("the export has no certificate");
  return certificate;
}

describe("OCSP switch", () => {
  it("turns OCSP on and off; a repeat is {changed: false}; the CA detail follows", async () => {
    const caId = await rootCa();
    expect((await client.cas.get(caId)).ocspEnabled).toBe(false);
    expect(await client.cas.setOcsp(caId, true)).toEqual({ changed: true });
    expect(await client.cas.setOcsp(caId, true)).toEqual({ changed: false });
    expect((await client.cas.get(caId)).ocspEnabled).toBe(true);
    expect((await client.cas.list()).cas[0]?.ocspEnabled).toBe(true);
    expect(cert(await issuedPem(caId)).infoAccess).toContain(`OCSP - URI:`);
    expect(await client.cas.setOcsp(caId, false)).toEqual({ changed: true });
    expect(await client.cas.setOcsp(caId, false)).toEqual({ changed: false });
    expect((await client.cas.get(caId)).ocspEnabled).toBe(false);
    expect(cert(await issuedPem(caId)).infoAccess).toBeUndefined();
  });

  it("a resend after a lost response finds OCSP already on: {changed: false}, sent twice", async () => {
    const caId = await rootCa();
    const retrying = harness.client({}, {}, { sleep: async () => {} });
    await harness.setFaults([{ kind: "lost_response", method: "POST", path: "/ocsp/switch$", count: 1 }]);
    expect(await retrying.cas.setOcsp(caId, true)).toEqual({ changed: false });
    expect((await client.cas.get(caId)).ocspEnabled).toBe(true);
    const counted = (await harness.inventory()).requests.by_route;
    expect(counted["POST /v1/private-certificate-authorities/{ca_id}/ocsp/switch"]).toBe(2);
  });

  it("refuses a CA in the wrong state, a missing CA and a non-boolean, without swallowing them", async () => {
    const { caId: pending } = await client.cas.create(pendingSubordinate());
    await expect(client.cas.setOcsp(pending, true)).rejects.toMatchObject({
      code: "ERR_CCM_API",
      status: 403,
      errorCode: "PCA.00030203",
    });
    await expect(client.cas.setOcsp(MISSING, true)).rejects.toMatchObject({ isNotFound: true });
    await expect(client.cas.setOcsp(pending, "yes" as unknown as boolean)).rejects.toMatchObject({
      code: "ERR_CCM_INVALID_ARGUMENT",
    });
  });
});

describe("CRL", () => {
  it("enables (and re-enables) the CRL; the detail and issued certificates follow; disables twice", async () => {
    const caId = await rootCa();
    await client.cas.enableCrl(caId, { obsBucketName: "crl-bucket", validDays: 14 });
    const url = `https://crl-bucket.obs.ap-southeast-3.myhuaweicloud.com/${caId}.crl`;
    expect((await client.cas.get(caId)).crlConfiguration).toEqual({
      enabled: true,
      crlName: caId,
      obsBucketName: "crl-bucket",
      validDays: 14,
      crlDistributionPoint: url,
    });
    expect(cert(await issuedPem(caId)).raw.includes(Buffer.from(url))).toBe(true);
    await client.cas.enableCrl(caId, { crlName: "team", obsBucketName: "crl-bucket", validDays: 7 });
    expect((await client.cas.get(caId)).crlConfiguration).toMatchObject({ crlName: "team", validDays: 7 });
    await client.cas.disableCrl(caId);
    await client.cas.disableCrl(caId);
    const disabled = (await client.cas.get(caId)).crlConfiguration;
    expect(disabled).toMatchObject({ enabled: false, crlDistributionPoint: undefined });
    expect(cert(await issuedPem(caId)).raw.includes(Buffer.from(".crl"))).toBe(false);
  });

  it("checks arguments before sending; the service's refusals come through", async () => {
    const caId = await rootCa();
    for (const args of [
      { obsBucketName: "b", validDays: 3 },
      { obsBucketName: "", validDays: 7 },
      { obsBucketName: "b", validDays: 7, extra: true },
    ]) {
      await expect(client.cas.enableCrl(caId, args as never)).rejects.toMatchObject({
        code: "ERR_CCM_INVALID_ARGUMENT",
      });
    }
    const sent = (await harness.inventory()).requests.by_route;
    expect(sent["POST /v1/private-certificate-authorities/{ca_id}/crl/enable"]).toBeUndefined();
    await expect(client.cas.enableCrl(caId, { obsBucketName: "Not_A_Bucket", validDays: 7 })).rejects.toMatchObject({
      status: 400,
      errorCode: "PCA.00020001",
    });
    const { caId: pending } = await client.cas.create(pendingSubordinate());
    await expect(client.cas.disableCrl(pending)).rejects.toMatchObject({ status: 403, errorCode: "PCA.00030203" });
    await expect(client.cas.disableCrl(MISSING)).rejects.toMatchObject({ isNotFound: true });
  });
});

it("reads the console configuration", async () => {
  expect(await client.cas.getConsoleConfig()).toEqual({
    supportsEnterpriseProjects: false,
    supportsSm2: false,
    supportsDedicatedHsm: false,
    dedicatedHsmRegions: [],
    supportsYearlyMonthlyCa: false,
    supportsIam5: false,
    supportsOcsp: true,
  });
});
