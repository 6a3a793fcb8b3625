// What a CA's revocation switches put into the certificates it issues (CRL Distribution Points and
// Authority Information Access, read back with openssl and node:crypto), and that the switches
// survive a restart on a data directory, also for CAs stored before the switches existed.

import { execFileSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { useCaEmulator } from "./helpers/cas.js";
import { type Api, withEmulator } from "./helpers/client.js";
import {
  CAS,
  CERTS,
  certificateBody,
  createCa,
  createRoot,
  intermediateByCsrBody,
  subordinateBody,
} from "./helpers/fixtures.js";

const { api, pendingSubordinate } = useCaEmulator();

const CRL = { obs_bucket_name: "crl-bucket", crl_name: "root-crl", valid_days: 7 };
const CRL_URL = "https://crl-bucket.obs.ap-southeast-3.myhuaweicloud.com/root-crl.crl";
const ocspUrl = (caId: string) => `http://ocsp.ap-southeast-3.myhuaweicloud.com/${caId}`;

/** The CRL distribution point and OCSP responder URIs a certificate names, as openssl prints them. */
function revocationUris(pem: string): { crl: string | undefined; ocsp: string | undefined } {
  const text = execFileSync("openssl", ["x509", "-noout", "-text"], { input: pem, encoding: "utf8" });
  const ocsp = /OCSP - URI:(\S+)/.exec(text)?.[1];
  // node:crypto reads the same Authority Information Access.
  expect(new X509Certificate(pem).infoAccess).toBe(ocsp === undefined ? undefined : `OCSP - URI:${ocsp}`);
  return { crl: /X509v3 CRL Distribution Points:\s+Full Name:\s+URI:(\S+)/.exec(text)?.[1], ocsp };
}

/** The PEMs of what `issuer` signs: a private certificate, one from a CSR (entity and CA), a subordinate CA. */
async function issuedBy(issuer: string): Promise<Record<string, string>> {
  const certificate = (await api.post(CERTS, { ...baseCertificate(issuer) })).json.certificate_id;
  const csr = (await api.get(`${CAS}/${await pendingSubordinate(issuer)}/csr`)).json.csr;
  const byCsr = await api.post(`${CERTS}/csr`, { issuer_id: issuer, csr, validity: { type: "DAY", value: 3 } });
  const intermediate = await api.post(`${CERTS}/csr`, intermediateByCsrBody(issuer, csr, 0));
  const subordinate = await createCa(api, subordinateBody(issuer));
  const exportCertificate = async (id: string) =>
    (await api.post(`${CERTS}/${id}/export`, { type: "OTHER", is_compressed: false })).json.certificate;
  const exportCa = async (id: string) => (await api.post(`${CAS}/${id}/export`)).json.certificate;
  return {
    certificate: await exportCertificate(certificate),
    "certificate by CSR": await exportCertificate(byCsr.json.certificate_id),
    "intermediate CA by CSR": await exportCa(intermediate.json.certificate_id),
    "subordinate CA": await exportCa(subordinate),
  };
}

const baseCertificate = (issuer: string) => certificateBody(issuer, { validity: { type: "DAY", value: 3 } });

describe("issued certificates", () => {
  test("carry no revocation pointers while both switches are off", async () => {
    const root = await createRoot(api);
    for (const [what, pem] of Object.entries(await issuedBy(root))) {
      expect(revocationUris(pem), what).toEqual({ crl: undefined, ocsp: undefined });
    }
  });

  test("carry the CRL distribution point and the OCSP URL while they are on, and lose them after", async () => {
    const root = await createRoot(api);
    expect((await api.post(`${CAS}/${root}/crl/enable`, CRL)).status).toBe(204);
    expect((await api.post(`${CAS}/${root}/ocsp/switch`, { ocsp_switch: true })).status).toBe(204);
    for (const [what, pem] of Object.entries(await issuedBy(root))) {
      expect(revocationUris(pem), what).toEqual({ crl: CRL_URL, ocsp: ocspUrl(root) });
    }
    // The root's own certificate is unchanged: the switches act on what it issues from then on.
    expect(revocationUris((await api.post(`${CAS}/${root}/export`)).json.certificate)).toEqual({
      crl: undefined,
      ocsp: undefined,
    });
    await api.post(`${CAS}/${root}/crl/disable`);
    const onlyOcsp = await issuedBy(root);
    expect(revocationUris(onlyOcsp.certificate!)).toEqual({ crl: undefined, ocsp: ocspUrl(root) });
    await api.post(`${CAS}/${root}/ocsp/switch`, { ocsp_switch: false });
    expect(revocationUris((await issuedBy(root)).certificate!)).toEqual({ crl: undefined, ocsp: undefined });
  });

  test("a subordinate's certificates name the subordinate's pointers, not its issuer's", async () => {
    const root = await createRoot(api);
    await api.post(`${CAS}/${root}/ocsp/switch`, { ocsp_switch: true });
    const sub = await createCa(api, subordinateBody(root));
    await api.post(`${CAS}/${sub}/crl/enable`, { obs_bucket_name: "sub-bucket" });
    const leaf = (await api.post(CERTS, baseCertificate(sub))).json.certificate_id;
    const pem = (await api.post(`${CERTS}/${leaf}/export`, { type: "OTHER", is_compressed: false })).json.certificate;
    expect(revocationUris(pem)).toEqual({
      crl: `https://sub-bucket.obs.ap-southeast-3.myhuaweicloud.com/${sub}.crl`,
      ocsp: undefined,
    });
  });
});

describe("persistence", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "ccm-emulator-switches-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const onDisk = (use: (api: Api) => Promise<void>) => withEmulator({ dataDir }, use);

  test("the switches survive a restart on the same data directory", async () => {
    let root = "";
    await onDisk(async (first) => {
      root = await createRoot(first);
      expect((await first.post(`${CAS}/${root}/crl/enable`, CRL)).status).toBe(204);
      expect((await first.post(`${CAS}/${root}/ocsp/switch`, { ocsp_switch: true })).status).toBe(204);
    });
    await onDisk(async (second) => {
      const ca = (await second.get(`${CAS}/${root}`)).json;
      expect(ca.ocsp_switch).toBe(true);
      expect(ca.crl_configuration).toMatchObject({ enabled: true, crl_name: "root-crl", crl_dis_point: CRL_URL });
      expect((await second.post(`${CAS}/${root}/ocsp/switch`, { ocsp_switch: true })).json.error_code).toBe(
        "PCA.10010071",
      );
    });
  });

  test("a CA stored before the switches existed loads with OCSP off, and can switch it on", async () => {
    let root = "";
    await onDisk(async (first) => {
      root = await createRoot(first);
    });
    // Take the field out of the stored document, as an older emulator wrote it.
    const file = readdirSync(join(dataDir, "authorities"))
      .map((name) => join(dataDir, "authorities", name))
      .find((path) => path.includes(root));
    expect(file).toBeDefined();
    const { ocspEnabled, ...older } = JSON.parse(readFileSync(file!, "utf8"));
    expect(ocspEnabled).toBe(false);
    // Its CRL was enabled before bucket names were checked: it keeps a name no URL host can hold.
    const crlConfiguration = { enabled: true, crlName: null, obsBucketName: "Old_Bucket", validDays: 7 };
    writeFileSync(file!, JSON.stringify({ ...older, crlConfiguration }));
    await onDisk(async (second) => {
      const ca = (await second.get(`${CAS}/${root}`)).json;
      expect(ca.ocsp_switch).toBe(false);
      expect(ca.crl_configuration).toMatchObject({ enabled: true, obs_bucket_name: "Old_Bucket", crl_dis_point: null });
      const leaf = await second.post(CERTS, baseCertificate(root));
      expect(leaf.status).toBe(200);
      expect((await second.post(`${CAS}/${root}/ocsp/switch`, { ocsp_switch: false })).json.error_code).toBe(
        "PCA.10010072",
      );
      expect((await second.post(`${CAS}/${root}/ocsp/switch`, { ocsp_switch: true })).status).toBe(204);
      expect((await second.get(`${CAS}/${root}`)).json.ocsp_switch).toBe(true);
    });
  });
});
