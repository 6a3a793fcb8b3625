// ScmCertificateBundle and MigrationTaskCertKey handlers without the engine: check and diff as pure
// functions (what a preview runs); the SCM export against a local server answering in the shape
// of the API page's sample (blocks glued together, "\r\n", no separate chain); read's "unchanged",
// "changed", "gone" and "wrong endpoint" answers; and the SMS handlers against the emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCcmApiError } from "../../provider/errors.js";
import { handlerContext, rememberStackConfig } from "../../provider/kernel/context.js";
import { splitPemBlocks } from "../../provider/pem.js";
import { MIGRATION_TASK_CERT_KEY } from "../../provider/resources/migration-task-cert-key/declaration.js";
import type { MigrationTaskCertKeyOutputs } from "../../provider/resources/migration-task-cert-key/handlers.js";
import { SCM_CERTIFICATE_BUNDLE } from "../../provider/resources/scm-certificate-bundle/declaration.js";
import type { ScmCertificateBundleOutputs } from "../../provider/resources/scm-certificate-bundle/handlers.js";
import { withDerivedOutputs } from "../../provider/resources/shared/derived-outputs.js";
import { UNKNOWN } from "../../provider/resources/shared/unknowns.js";
import { json, type LocalServer, startLocalServer } from "../client/local-server.js";
import { pointHandlersAt, TestEmulator } from "../harness/emulator.js";

const scm = SCM_CERTIFICATE_BUNDLE.handlers(handlerContext());
const sms = MIGRATION_TASK_CERT_KEY.handlers(handlerContext());

const SCM_ID = "scs1554192131150";
const TASK_ID = "0b3f6c1e-2a4d-4e5f-8a9b-1c2d3e4f5a6b";
const PROVIDER = { __provider: "shim text" };

async function failuresOf(
  handlers: typeof scm | typeof sms,
  news: Record<string, unknown>,
): Promise<Record<string, string>> {
  const result = await handlers.check({}, news);
  return Object.fromEntries((result.failures ?? []).map((f) => [f.property, f.reason]));
}

const pointClientAt = (url: string) => pointHandlersAt(url, { "huaweicloud-ccm:maxRetries": "0" });

describe("check and diff (no API call)", () => {
  it("ScmCertificateBundle: exactly 16 characters, named when wrong; unknown at preview passes", async () => {
    expect((await scm.check({}, { certificateId: SCM_ID, ...PROVIDER })).failures).toBeUndefined();
    for (const bad of ["scs155419213115", "scs15541921311500", "scs 554192131150", ""]) {
      expect(await failuresOf(scm, { certificateId: bad })).toEqual({
        certificateId: 'must be an SCM certificate id: exactly 16 letters, digits, "-" or "_", like "scs1554192131150"',
      });
    }
    expect(await failuresOf(scm, {})).toEqual({ certificateId: "is required" });
    expect(await failuresOf(scm, { certificateId: SCM_ID, type: "NGINX" })).toEqual({
      "": "type is not a known property; known ones: certificateId",
    });
    expect((await scm.check({}, { certificateId: UNKNOWN })).failures).toBeUndefined();
  });

  it("MigrationTaskCertKey: taskId 1–36 characters, enableCaCert a boolean defaulting to false", async () => {
    const checked = await sms.check({}, { taskId: TASK_ID, ...PROVIDER });
    expect(checked).toEqual({ inputs: { taskId: TASK_ID, enableCaCert: false, ...PROVIDER } });
    expect(await failuresOf(sms, { taskId: "", enableCaCert: "yes" })).toEqual({
      taskId: 'must be an SMS migration task id: 1–36 letters, digits, "-" or "_"',
      enableCaCert: "must be a boolean (got a string)",
    });
    expect(await failuresOf(sms, { taskId: "t".repeat(37) })).toEqual({
      taskId: 'must be an SMS migration task id: 1–36 letters, digits, "-" or "_"',
    });
    expect(await failuresOf(sms, { taskId: "a/../b" })).toEqual({
      taskId: 'must be an SMS migration task id: 1–36 letters, digits, "-" or "_"',
    });
    expect((await sms.check({}, { taskId: "t".repeat(36) })).failures).toBeUndefined();
    expect((await sms.check({}, { taskId: UNKNOWN, enableCaCert: UNKNOWN })).failures).toBeUndefined();
  });

  it("diff: a new id (or CA choice) replaces; the same inputs, or a new provider version, change nothing", async () => {
    const scmOlds = {
      certificateId: SCM_ID,
      certificatePem: "x",
      ...PROVIDER,
    } as unknown as ScmCertificateBundleOutputs;
    expect(await scm.diff(SCM_ID, scmOlds, { certificateId: SCM_ID, __provider: "newer" } as never)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(await scm.diff(SCM_ID, scmOlds, { certificateId: "scs0000000000000" })).toMatchObject({
      changes: true,
      replaces: ["certificateId"],
    });
    expect(await scm.diff(SCM_ID, scmOlds, { certificateId: UNKNOWN })).toMatchObject({ replaces: ["certificateId"] });
    const smsOlds = { taskId: TASK_ID, enableCaCert: false, certPem: "x" } as MigrationTaskCertKeyOutputs;
    expect(await sms.diff("", smsOlds, { taskId: TASK_ID, enableCaCert: false })).toMatchObject({ changes: false });
    expect(await sms.diff("", smsOlds, { taskId: TASK_ID, enableCaCert: true })).toMatchObject({
      replaces: ["enableCaCert"],
    });
    expect(await sms.diff("", smsOlds, { taskId: "other", enableCaCert: false })).toMatchObject({
      replaces: ["taskId"],
    });
  });
});

describe("ScmCertificateBundle handlers against a server answering like the API page's sample", () => {
  let emulator: TestEmulator;
  let server: LocalServer;
  let leaf: string;
  let root: string;
  let key: string;
  /** PEM text as the sample shows it: "\r\n" line breaks and blocks glued together. */
  const crlfGlued = (...pems: string[]) => pems.map((p) => p.trim().replace(/\n/g, "\r\n")).join("");

  beforeAll(async () => {
    // Real certificates to serve: the emulator's own seeded SCM certificate (a leaf under a root).
    emulator = await TestEmulator.start();
    const seeded = (await emulator.control("POST", "seed", {
      scm_certificates: [{ common_name: "glued.example" }],
    })) as {
      scm_certificates: { id: string }[];
    };
    const exported = await emulator.client().scm.exportCertificate(seeded.scm_certificates[0]?.id ?? "");
    [leaf, root] = splitPemBlocks(exported.entireCertificate ?? "") as [string, string];
    key = exported.privateKey ?? "";
    server = await startLocalServer(
      json(200, {
        entire_certificate: crlfGlued(leaf, root),
        certificate: crlfGlued(leaf),
        private_key: crlfGlued(key),
      }),
    );
    pointClientAt(server.url);
  });
  afterAll(async () => {
    rememberStackConfig(undefined);
    await server?.close();
    await emulator?.close();
  });

  it("create: one POST without a body; the chain is taken from entire_certificate; PEMs normalised", async () => {
    const { id, outs } = await scm.create({ certificateId: SCM_ID, ...PROVIDER } as never);
    expect(id).toBe(SCM_ID);
    expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["POST", `/v3/scm/certificates/${SCM_ID}/export`, ""],
    ]);
    expect(outs).toMatchObject({
      certificateId: SCM_ID,
      certificatePem: leaf,
      certificateChainPem: root,
      entireCertificatePem: `${leaf}${root}`,
      privateKeyPem: key,
      subject: expect.stringMatching(/CN=glued\.example$/),
      subjectAlternativeNames: ["DNS:glued.example"],
    });
    expect(outs).not.toHaveProperty("__provider");
    // The full chain is derived where it is read (the class, the plugin), not stored.
    expect(outs).not.toHaveProperty("fullChainPem");
    expect(withDerivedOutputs(SCM_CERTIFICATE_BUNDLE, outs)).toMatchObject({ fullChainPem: `${leaf}${root}` });
    expect(JSON.stringify(outs)).not.toContain("\\r");
  });

  it("read: the same certificate keeps the stored outputs; another one is taken as exported now", async () => {
    const stored = (await scm.create({ certificateId: SCM_ID } as never)).outs as ScmCertificateBundleOutputs;
    // A stored field the export would not reproduce proves the stored outputs were kept.
    const marked = { ...stored, privateKeyPem: "stored key", ...PROVIDER };
    expect(await scm.read(SCM_ID, marked)).toEqual({ id: SCM_ID, props: { ...stored, privateKeyPem: "stored key" } });
    // Renewed in SCM under the same id: a new leaf, no chain, no key held by SCM.
    server.setHandler(json(200, { entire_certificate: crlfGlued(root), certificate: crlfGlued(root) }));
    const { props } = await scm.read(SCM_ID, marked);
    expect(props).toMatchObject({ certificatePem: root });
    expect(withDerivedOutputs(SCM_CERTIFICATE_BUNDLE, props)).toMatchObject({ fullChainPem: root });
    expect(props).not.toHaveProperty("privateKeyPem");
    expect(props).not.toHaveProperty("certificateChainPem");
  });

  it("read: a 404 from SCM is gone; the gateway's 404 (a wrong endpoint) is an error, never gone", async () => {
    const stored = { certificateId: SCM_ID, certificatePem: leaf } as ScmCertificateBundleOutputs;
    server.setHandler(json(404, { error_code: "SCM.0002", error_msg: "The certificate does not exist." }));
    expect(await scm.read(SCM_ID, stored)).toEqual({ id: "" });
    server.setHandler(
      json(404, { error_code: "APIG.0101", error_msg: "The API does not exist or has not been published" }),
    );
    const error = await scm.read(SCM_ID, stored).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCcmApiError(error) && error.errorCode).toBe("APIG.0101");
  });

  it("delete makes no request", async () => {
    const before = server.requests.length;
    await scm.delete(SCM_ID, { certificateId: SCM_ID } as ScmCertificateBundleOutputs);
    expect(server.requests.length).toBe(before);
  });
});

describe("MigrationTaskCertKey handlers against the emulator", () => {
  let emulator: TestEmulator;
  const lines: string[] = [];

  beforeAll(async () => {
    emulator = await TestEmulator.start({ logRequests: true, log: (line) => lines.push(line) });
    await emulator.control("POST", "seed", { sms_tasks: [{ id: TASK_ID }] });
    pointClientAt(emulator.url);
  });
  afterAll(async () => {
    rememberStackConfig(undefined);
    await emulator?.close();
  });

  it("create sends enable_ca_cert explicitly, and caPem comes only with it", async () => {
    const without = await sms.create({ taskId: TASK_ID, enableCaCert: false, ...PROVIDER } as never);
    expect(without.id).toBe(`${TASK_ID}/no-ca`);
    expect(without.outs).not.toHaveProperty("caPem");
    expect(without.outs).not.toHaveProperty("__provider");
    const withCa = await sms.create({ taskId: TASK_ID, enableCaCert: true } as never);
    expect(withCa.id).toBe(`${TASK_ID}/ca`);
    expect(Object.keys(withCa.outs ?? {}).sort()).toEqual(
      [
        "taskId",
        "enableCaCert",
        "certPem",
        "privateKeyPem",
        "caPem",
        "targetMgmtCertPem",
        "targetMgmtPrivateKeyPem",
        "targetDataCertPem",
        "targetDataPrivateKeyPem",
      ].sort(),
    );
    expect(lines.filter((l) => l.includes("/certkey")).map((l) => l.split(" ")[1])).toEqual([
      `/v3/tasks/${TASK_ID}/certkey?enable_ca_cert=false`,
      `/v3/tasks/${TASK_ID}/certkey?enable_ca_cert=true`,
    ]);
  });

  it("read keeps stored material while the certificates are the same; a deleted task is gone", async () => {
    const stored = (await sms.create({ taskId: TASK_ID, enableCaCert: true } as never))
      .outs as MigrationTaskCertKeyOutputs;
    const marked = { ...stored, privateKeyPem: "stored key" };
    expect(await sms.read(`${TASK_ID}/ca`, marked)).toEqual({ id: `${TASK_ID}/ca`, props: marked });
    // Other certificates (here: those of the no-CA mode) replace the stored material entirely.
    const other = { ...stored, certPem: "another certificate" };
    const { props } = await sms.read(`${TASK_ID}/ca`, other);
    expect(props).toEqual(stored);
    await emulator.control("POST", "reset");
    expect(await sms.read(`${TASK_ID}/ca`, stored)).toEqual({ id: "" });
  });
});
