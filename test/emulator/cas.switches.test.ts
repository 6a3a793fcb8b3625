// A private CA's revocation switches (docs/api-facts.md §3): POST …/ocsp/switch, …/crl/enable and
// …/crl/disable (state rules, repeats, bad bodies, the detail fields that follow them) and the
// console configuration. What issued certificates carry is cas.switches.certificates.test.ts's.

import { describe, expect, test } from "vitest";
import { DAY, useCaEmulator } from "./helpers/cas.js";
import { CAS, createRoot, expectError, rootBody } from "./helpers/fixtures.js";

const { api, status, pendingSubordinate } = useCaEmulator();

const MISSING = "00000000-0000-4000-8000-000000000000";
const CRL = { obs_bucket_name: "my-crl-bucket", valid_days: 10 };

const ocsp = (id: string, on: boolean) => api.post(`${CAS}/${id}/ocsp/switch`, { ocsp_switch: on });
const detail = async (id: string) => (await api.get(`${CAS}/${id}`)).json;

/** A CA in each status the switches refuse: PENDING, EXPIRED (emulator clock) and DELETED. */
async function refusedStates(): Promise<Record<string, string>> {
  const pending = await pendingSubordinate();
  const deleted = await createRoot(api);
  await api.post(`${CAS}/${deleted}/disable`);
  await api.delete(`${CAS}/${deleted}`, { query: { pending_days: "7" } });
  const expired = await createRoot(api, { validity: { type: "DAY", value: 2 } });
  await api.post("/_emulator/clock", { offset_ms: 3 * DAY }, { auth: "none" });
  expect(await status(expired)).toBe("EXPIRED");
  expect(await status(deleted)).toBe("DELETED");
  return { pending, expired, deleted };
}

describe("OCSP switch", () => {
  test("off by default; on and off answer 204 and the detail and the list follow", async () => {
    const root = await createRoot(api);
    expect((await detail(root)).ocsp_switch).toBe(false);
    const on = await ocsp(root, true);
    expect(on.status).toBe(204);
    expect(on.bytes.length).toBe(0);
    expect((await detail(root)).ocsp_switch).toBe(true);
    expect((await api.get(CAS)).json.certificate_authorities[0]).toMatchObject({ ca_id: root, ocsp_switch: true });
    expect((await ocsp(root, false)).status).toBe(204);
    expect((await detail(root)).ocsp_switch).toBe(false);
  });

  test("the state it is already in: 403 PCA.10010071 when on, PCA.10010072 when off", async () => {
    const root = await createRoot(api);
    expectError(await ocsp(root, false), 403, "PCA.10010072");
    await ocsp(root, true);
    expectError(await ocsp(root, true), 403, "PCA.10010071");
    expect((await detail(root)).ocsp_switch).toBe(true);
  });

  test("ACTIVED or DISABLED only; PENDING, EXPIRED and DELETED are refused with PCA.00030203", async () => {
    const disabled = await createRoot(api);
    await api.post(`${CAS}/${disabled}/disable`);
    expect((await ocsp(disabled, true)).status).toBe(204);
    expect(await detail(disabled)).toMatchObject({ status: "DISABLED", ocsp_switch: true });
    for (const [state, id] of Object.entries(await refusedStates())) {
      expectError(await ocsp(id, true), 403, "PCA.00030203");
      expect((await detail(id)).ocsp_switch, state).toBe(false);
    }
  });

  test("not found, malformed id, bad bodies (ocsp_switch named)", async () => {
    expectError(await ocsp(MISSING, true), 400, "PCA.10010002");
    expectError(await api.post(`${CAS}/not-a-ca/ocsp/switch`, { ocsp_switch: true }), 400, "PCA.10010105");
    const root = await createRoot(api);
    for (const body of [{}, { ocsp_switch: "true" }, { ocsp_switch: 1 }]) {
      const response = await api.post(`${CAS}/${root}/ocsp/switch`, body);
      expectError(response, 400, "PCA.00020001");
      expect(response.json.error_msg).toContain("ocsp_switch");
    }
    expectError(await api.post(`${CAS}/${root}/ocsp/switch`, [true]), 400, "PCA.00020001");
    expectError(await api.post(`${CAS}/${root}/ocsp/switch`), 400, "PCA.00020001");
    expect((await detail(root)).ocsp_switch).toBe(false);
  });
});

describe("CRL enable and disable", () => {
  test("enable: 204; the detail shows the settings and a distribution point; crl_name defaults to the CA id", async () => {
    const root = await createRoot(api);
    expect((await detail(root)).crl_configuration).toEqual({
      enabled: false,
      crl_name: null,
      obs_bucket_name: null,
      valid_days: null,
      crl_dis_point: null,
    });
    const response = await api.post(`${CAS}/${root}/crl/enable`, CRL);
    expect(response.status).toBe(204);
    expect(response.bytes.length).toBe(0);
    expect((await detail(root)).crl_configuration).toEqual({
      enabled: true,
      crl_name: root,
      obs_bucket_name: "my-crl-bucket",
      valid_days: 10,
      crl_dis_point: `https://my-crl-bucket.obs.ap-southeast-3.myhuaweicloud.com/${root}.crl`,
    });
  });

  test("enabling again replaces the settings (204); disabling twice answers 204 both times", async () => {
    const root = await createRoot(api);
    await api.post(`${CAS}/${root}/crl/enable`, CRL);
    const again = await api.post(`${CAS}/${root}/crl/enable`, { crl_name: "team-ca", obs_bucket_name: "other.bucket" });
    expect(again.status).toBe(204);
    expect((await detail(root)).crl_configuration).toEqual({
      enabled: true,
      crl_name: "team-ca",
      obs_bucket_name: "other.bucket",
      valid_days: 7,
      crl_dis_point: "https://other.bucket.obs.ap-southeast-3.myhuaweicloud.com/team-ca.crl",
    });
    expect((await api.post(`${CAS}/${root}/crl/disable`)).status).toBe(204);
    expect((await detail(root)).crl_configuration).toMatchObject({ enabled: false, crl_dis_point: null });
    expect((await api.post(`${CAS}/${root}/crl/disable`)).status).toBe(204);
    expect((await api.get(CAS)).json.certificate_authorities[0].crl_configuration.enabled).toBe(false);
  });

  test("a CRL enabled at creation reports its distribution point too; its bucket name is checked", async () => {
    const badBucket = await api.post(CAS, rootBody({ crl_configuration: { enabled: true, obs_bucket_name: "A B" } }));
    expectError(badBucket, 400, "PCA.00020001");
    expect(badBucket.json.error_msg).toContain("crl_configuration.obs_bucket_name");
    const root = await createRoot(api, {
      crl_configuration: { enabled: true, obs_bucket_name: "bucket", crl_name: "r" },
    });
    expect((await detail(root)).crl_configuration.crl_dis_point).toBe(
      "https://bucket.obs.ap-southeast-3.myhuaweicloud.com/r.crl",
    );
  });

  test("ACTIVED or DISABLED only; PENDING, EXPIRED and DELETED are refused with PCA.00030203", async () => {
    const disabled = await createRoot(api);
    await api.post(`${CAS}/${disabled}/disable`);
    expect((await api.post(`${CAS}/${disabled}/crl/enable`, CRL)).status).toBe(204);
    expect((await api.post(`${CAS}/${disabled}/crl/disable`)).status).toBe(204);
    for (const id of Object.values(await refusedStates())) {
      expectError(await api.post(`${CAS}/${id}/crl/enable`, CRL), 403, "PCA.00030203");
      expectError(await api.post(`${CAS}/${id}/crl/disable`), 403, "PCA.00030203");
    }
  });

  test("not found and malformed ids", async () => {
    expectError(await api.post(`${CAS}/${MISSING}/crl/enable`, CRL), 400, "PCA.10010002");
    expectError(await api.post(`${CAS}/${MISSING}/crl/disable`), 400, "PCA.10010002");
    expectError(await api.post(`${CAS}/not-a-ca/crl/enable`, CRL), 400, "PCA.10010105");
    expectError(await api.post(`${CAS}/not-a-ca/crl/disable`), 400, "PCA.10010105");
  });

  test("bad enable bodies are refused with PCA.00020001 naming the field, and change nothing", async () => {
    const root = await createRoot(api);
    const cases: [Record<string, unknown>, string][] = [
      [{ valid_days: 7 }, "obs_bucket_name"],
      [{ obs_bucket_name: 7 }, "obs_bucket_name"],
      [{ obs_bucket_name: "Upper_Case" }, "obs_bucket_name"],
      [{ obs_bucket_name: "ab" }, "obs_bucket_name"],
      [{ ...CRL, valid_days: 6 }, "valid_days"],
      [{ ...CRL, valid_days: 31 }, "valid_days"],
      [{ ...CRL, valid_days: "seven" }, "valid_days"],
      [{ ...CRL, crl_name: 5 }, "crl_name"],
    ];
    for (const [body, field] of cases) {
      const response = await api.post(`${CAS}/${root}/crl/enable`, body);
      expectError(response, 400, "PCA.00020001");
      expect(response.json.error_msg, JSON.stringify(body)).toContain(field);
    }
    expectError(await api.post(`${CAS}/${root}/crl/enable`), 400, "PCA.00020001");
    expect((await detail(root)).crl_configuration.enabled).toBe(false);
  });
});

test("console configuration: GET /v1/pca/config/console", async () => {
  const response = await api.get("/v1/pca/config/console");
  expect(response.status).toBe(200);
  expect(response.json).toEqual({
    is_support_eps: false,
    is_support_sm2: false,
    is_support_dhsm: false,
    dhsm_regions: [],
    is_support_yearly_monthly_ca: false,
    is_support_iam5: false,
    is_support_ocsp: true,
  });
});
