// PrivateCa and IntermediateCaCertificate handlers without the engine: check and diff as pure
// functions (what a preview runs), then the handlers against an in-process emulator — the
// external-signing flow, deletion, and the errors that must teach (issuing from a CA that cannot
// issue, exporting a CSR past PENDING, importing a certificate for another key).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCcmApiError, isCcmError, ResourceInitError } from "../../provider/errors.js";
import { handlerContext, rememberStackConfig } from "../../provider/kernel/context.js";
import { splitPemBlocks } from "../../provider/pem.js";
import { INTERMEDIATE_CA_CERTIFICATE } from "../../provider/resources/intermediate-ca-certificate/declaration.js";
import type { IntermediateCaCertificateOutputs } from "../../provider/resources/intermediate-ca-certificate/handlers.js";
import { PRIVATE_CA } from "../../provider/resources/private-ca/declaration.js";
import type { PrivateCaInputs, PrivateCaOutputs } from "../../provider/resources/private-ca/inputs.js";
import { exportCsrExplained } from "../../provider/resources/shared/ca-explain.js";
import { UNKNOWN } from "../../provider/resources/shared/unknowns.js";
import { FIXTURE_CERTIFICATE_PEM } from "../fixtures/pem.js";
import { rootCaRequest } from "../harness/ca-fixtures.js";
import { TestEmulator } from "../harness/emulator.js";

const handlers = PRIVATE_CA.handlers(handlerContext());
const intermediate = INTERMEDIATE_CA_CERTIFICATE.handlers(handlerContext());

const ROOT = { ...rootCaRequest("Handlers Root"), keyAlgorithm: "EC384", signatureAlgorithm: "SHA384" };
const DN = ROOT.distinguishedName;
const PENDING_SUB = {
  type: "SUBORDINATE",
  distinguishedName: { ...DN, commonName: "Handlers Issuing" },
  keyAlgorithm: "EC256",
};

async function failuresOf(news: Record<string, unknown>): Promise<Record<string, string>> {
  const result = await handlers.check({}, news);
  return Object.fromEntries((result.failures ?? []).map(byProperty));
}

/** A secret property's failure names it in the reason instead (the engine would print its value). */
function byProperty(f: { property: string; reason: string }): [string, string] {
  if (f.property !== "") return [f.property, f.reason];
  const [property = "", ...rest] = f.reason.split(" ");
  return [`secret:${property}`, rest.join(" ")];
}

function certificatePem(pem: string): string {
  return splitPemBlocks(pem)[0] ?? "";
}

describe("PrivateCa check (no API call)", () => {
  it("accepts a root and a pending subordinate, normalising PEM inputs", async () => {
    expect((await handlers.check({}, ROOT)).failures).toBeUndefined();
    const pem = FIXTURE_CERTIFICATE_PEM.trimEnd().replaceAll("\n", "\r\n");
    const result = await handlers.check({}, { ...PENDING_SUB, certificatePem: pem, certificateChainPem: pem });
    expect(result.failures).toBeUndefined();
    expect((result.inputs as PrivateCaInputs).certificatePem).toBe(FIXTURE_CERTIFICATE_PEM);
  });

  it("names every bad property, with the allowed values", async () => {
    const failures = await failuresOf({
      ...ROOT,
      type: "INTERMEDIATE",
      keyAlgorithm: "RSA1024",
      distinguishedName: { ...DN, country: "CHN", organizationalUnit: undefined },
      pendingDays: 3,
      tags: { "bad/key": "x" },
    });
    expect(failures.type).toMatch(/must be one of "ROOT", "SUBORDINATE"/);
    expect(failures.keyAlgorithm).toMatch(/must be one of "RSA2048", "RSA4096", "EC256", "EC384", "SM2"/);
    expect(failures["distinguishedName.country"]).toMatch(/two letters/);
    expect(failures["distinguishedName.organizationalUnit"]).toBe("is required");
    expect(failures.pendingDays).toMatch(/7/);
    expect(failures.tags).toMatch(/key "bad\/key" is not allowed: a key has 1–128 characters of letters, digits/);
  });

  it("enforces what a root needs and refuses what it ignores", async () => {
    const failures = await failuresOf({
      ...ROOT,
      signatureAlgorithm: undefined,
      validity: undefined,
      issuerId: "4c0e772e-a30c-4029-b929-b7acb04143f7",
      pathLength: 1,
      keyUsages: ["keyCertSign"],
      certificatePem: FIXTURE_CERTIFICATE_PEM,
    });
    expect(failures.signatureAlgorithm).toBe("is required for a ROOT CA");
    expect(failures.validity).toBe("is required for a ROOT CA");
    expect(failures.issuerId).toMatch(/not allowed for a ROOT CA/);
    expect(failures.pathLength).toMatch(/not allowed for a ROOT CA/);
    expect(failures.keyUsages).toMatch(/not allowed for a ROOT CA/);
    expect(failures["secret:certificatePem"]).toMatch(/only a PENDING SUBORDINATE imports/);
    expect(await failuresOf({ ...ROOT, validity: { type: "YEAR", value: 31 } })).toEqual({
      "validity.value": "at most 30 years (30 YEAR)",
    });
  });

  it("explains the two subordinate flows when they are mixed up", async () => {
    const issuerId = "4c0e772e-a30c-4029-b929-b7acb04143f7";
    const signedInside = await failuresOf({ ...PENDING_SUB, issuerId, signatureAlgorithm: "SHA256" });
    expect(signedInside.validity).toMatch(/required with issuerId.*leave out issuerId to create the CA PENDING/);
    const mixed = await failuresOf({
      ...PENDING_SUB,
      issuerId,
      signatureAlgorithm: "SHA256",
      validity: { type: "YEAR", value: 21 },
      certificatePem: FIXTURE_CERTIFICATE_PEM,
    });
    expect(mixed["validity.value"]).toBe("at most 20 years (20 YEAR)");
    expect(mixed["secret:certificatePem"]).toMatch(/not used with issuerId/);
    const half = await failuresOf({
      ...PENDING_SUB,
      certificatePem: FIXTURE_CERTIFICATE_PEM,
    });
    expect(half).toEqual({ certificateChainPem: expect.stringMatching(/is required with the other/) });
  });

  it("refuses an import pair that does not parse, without echoing it", async () => {
    const result = await handlers.check(
      {},
      {
        ...PENDING_SUB,
        certificatePem: "-----BEGIN CERTIFICATE-----\nSECRETISH\n-----END CERTIFICATE-----\n",
        certificateChainPem: "not a pem",
      },
    );
    expect(result.failures).toEqual([
      { property: "", reason: "certificatePem must be PEM certificates that parse (X.509); block 1 does not" },
      {
        property: "",
        reason:
          "certificateChainPem must be PEM certificates (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)",
      },
    ]);
  });

  it("lets values unknown at preview pass", async () => {
    const result = await handlers.check(
      {},
      { ...PENDING_SUB, certificatePem: UNKNOWN, certificateChainPem: UNKNOWN, tags: { team: UNKNOWN } },
    );
    expect(result.failures).toBeUndefined();
  });
});

describe("PrivateCa diff (no API call)", () => {
  const activeCert = "-----BEGIN CERTIFICATE-----\nMIIBactive\n-----END CERTIFICATE-----\n";
  const root: PrivateCaOutputs = {
    ...(ROOT as unknown as PrivateCaInputs),
    keyUsages: undefined,
    caId: "4c0e772e-a30c-4029-b929-b7acb04143f7",
    status: "ACTIVED",
    certificatePem: activeCert,
    tags: { team: "pki" },
  };
  const pending: PrivateCaOutputs = {
    ...(PENDING_SUB as unknown as PrivateCaInputs),
    caId: "5c0e772e-a30c-4029-b929-b7acb04143f7",
    status: "PENDING",
    csrPem: "-----BEGIN CERTIFICATE REQUEST-----\nA\n-----END CERTIFICATE REQUEST-----\n",
  };
  const diff = (olds: PrivateCaOutputs, news: Record<string, unknown>) =>
    handlers.diff(olds.caId, olds, news as PrivateCaInputs);

  it("tags and pendingDays change in place; issuance fields replace", async () => {
    expect(await diff(root, { ...ROOT, tags: { team: "pki" } })).toMatchObject({ changes: false, replaces: [] });
    expect(await diff(root, { ...ROOT, tags: { team: "sec" } })).toMatchObject({ changes: true, replaces: [] });
    expect(await diff(root, { ...ROOT, tags: { team: "pki" }, pendingDays: 30 })).toMatchObject({
      changes: true,
      replaces: [],
    });
    expect(
      await diff(root, { ...ROOT, tags: { team: "pki" }, distinguishedName: { ...DN, commonName: "New" } }),
    ).toMatchObject({
      changes: true,
      replaces: ["distinguishedName"],
    });
  });

  it("supplying the signed certificate for a PENDING CA is an update, not a replacement", async () => {
    const signed = { ...PENDING_SUB, certificatePem: activeCert, certificateChainPem: activeCert };
    expect(await diff(pending, signed)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(await diff(pending, PENDING_SUB)).toMatchObject({ changes: false });
  });

  it("an activated CA with the same certificate has no change, whatever the chain's spelling", async () => {
    const imported: PrivateCaOutputs = { ...pending, status: "ACTIVED", certificatePem: activeCert };
    const same = activeCert.replace(/\n/g, "\r\n");
    expect(
      await diff(imported, {
        ...PENDING_SUB,
        certificatePem: same,
        certificateChainPem: "-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----",
      }),
    ).toMatchObject({ changes: false });
    // Another certificate: an update, which explains that CCM cannot re-import (see below).
    const other = "-----BEGIN CERTIFICATE-----\nMIIBother\n-----END CERTIFICATE-----\n";
    expect(await diff(imported, { ...PENDING_SUB, certificatePem: other, certificateChainPem: other })).toMatchObject({
      changes: true,
      replaces: [],
    });
  });

  it("a certificate unknown at preview plans an update; unknown issuance fields plan a replacement", async () => {
    expect(
      await diff(pending, { ...PENDING_SUB, certificatePem: UNKNOWN, certificateChainPem: UNKNOWN }),
    ).toMatchObject({
      changes: true,
      replaces: [],
    });
    expect(await diff(root, { ...ROOT, tags: { team: "pki" }, validity: UNKNOWN })).toMatchObject({
      replaces: ["validity"],
    });
  });

  it("a CA scheduled for deletion outside Pulumi is replaced", async () => {
    expect(await diff({ ...root, status: "DELETED" }, { ...ROOT, tags: { team: "pki" } })).toMatchObject({
      changes: true,
      replaces: ["status"],
    });
    expect(await diff({ ...root, status: "DISABLED" }, { ...ROOT, tags: { team: "pki" } })).toMatchObject({
      changes: false,
    });
  });
});

describe("IntermediateCaCertificate check and diff (no API call)", () => {
  it("says where a CSR comes from when there is none", async () => {
    const result = await intermediate.check(
      {},
      { issuerId: "4c0e772e-a30c-4029-b929-b7acb04143f7", validity: { type: "YEAR", value: 21 } },
    );
    const failures = Object.fromEntries((result.failures ?? []).map((f) => [f.property, f.reason]));
    expect(failures.csrPem).toMatch(/is required.*csrPem while it is a PENDING SUBORDINATE/);
    expect(failures["validity.value"]).toBe("at most 20 years (20 YEAR)");
    const notCsr = await intermediate.check(
      {},
      { issuerId: "x", csrPem: "hello", validity: { type: "YEAR", value: 1 } },
    );
    // csrPem is a secret: named in the reason, where the engine prints no value.
    expect(notCsr.failures?.map((f) => byProperty(f)[0]).sort()).toEqual(["issuerId", "secret:csrPem"]);
    expect(notCsr.failures?.find((f) => f.property === "")?.reason).toMatch(/^csrPem must be exactly one PEM/);
  });

  it("every input is an issuance field", async () => {
    const olds = {
      issuerId: "4c0e772e-a30c-4029-b929-b7acb04143f7",
      csrPem: "-----BEGIN CERTIFICATE REQUEST-----\nA\n-----END CERTIFICATE REQUEST-----\n",
      validity: { type: "YEAR", value: 1 },
      caId: "5c0e772e-a30c-4029-b929-b7acb04143f7",
      status: "ACTIVED",
    } as IntermediateCaCertificateOutputs;
    expect(await intermediate.diff(olds.caId, olds, { ...olds })).toMatchObject({ changes: false });
    expect(
      await intermediate.diff(olds.caId, olds, { ...olds, validity: { type: "YEAR" as const, value: 2 } }),
    ).toMatchObject({ changes: true, replaces: ["validity"] });
    expect(await intermediate.diff(olds.caId, olds, { ...olds, csrPem: UNKNOWN })).toMatchObject({
      replaces: ["csrPem"],
    });
  });
});

describe("PrivateCa and IntermediateCaCertificate handlers against the emulator", () => {
  let emulator: TestEmulator;

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    const { config, secrets } = emulator.stackConfig();
    const all: Record<string, string> = { ...config, ...secrets };
    rememberStackConfig({ get: (key) => all[key] });
  });
  afterAll(async () => {
    rememberStackConfig(undefined);
    await emulator?.close();
  });

  async function checked(news: Record<string, unknown>): Promise<PrivateCaInputs> {
    const result = await handlers.check({}, news);
    expect(result.failures).toBeUndefined();
    return result.inputs as PrivateCaInputs;
  }

  async function failure(promise: Promise<unknown>): Promise<Error> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }

  it("root → pending subordinate (CSR) → signed by the root → imported → ACTIVED; deleted by pendingDays", async () => {
    const root = await handlers.create(await checked({ ...ROOT, tags: { team: "pki" }, pendingDays: 9 }));
    expect(root.outs).toMatchObject({ status: "ACTIVED", genMode: "GENERATE", tags: { team: "pki" } });
    expect(root.outs?.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(root.outs?.csrPem).toBeUndefined();

    const sub = await handlers.create(await checked(PENDING_SUB));
    expect(sub.outs).toMatchObject({ status: "PENDING" });
    expect(sub.outs?.certificatePem).toBeUndefined();
    const csrPem = sub.outs?.csrPem ?? "";
    expect(csrPem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n[^\r]+-----END CERTIFICATE REQUEST-----\n$/);

    // Refresh while pending keeps the CSR it has (a new export would be signed afresh).
    const reread = await handlers.read(sub.id, sub.outs);
    expect(reread.props).toEqual(sub.outs);
    expect(reread.inputs).toBeUndefined(); // a refresh keeps the stored inputs

    const signed = await intermediate.create({
      issuerId: root.id,
      csrPem,
      validity: { type: "YEAR", value: 2 },
      pathLength: 0,
    });
    expect(signed.outs).toMatchObject({ status: "ACTIVED", issuerName: "Handlers Root" });
    expect(signed.outs?.subject).toMatchObject({ commonName: "Handlers Issuing" });
    expect(certificatePem(signed.outs?.certificateChainPem ?? "")).toBe(
      certificatePem(root.outs?.certificatePem ?? ""),
    );
    // Taken over by id: the validity it was signed for, read back from its window.
    const taken = await intermediate.read(signed.id, undefined);
    expect(taken.inputs).toEqual({ issuerId: root.id, pathLength: 0, validity: { type: "YEAR", value: 2 } });
    expect(taken.props).toMatchObject({ caId: signed.id, validity: { type: "YEAR", value: 2 } });

    const news = await checked({
      ...PENDING_SUB,
      certificatePem: signed.outs?.certificatePem,
      certificateChainPem: signed.outs?.certificateChainPem,
    });
    const olds = sub.outs as PrivateCaOutputs;
    expect(await handlers.diff(sub.id, olds, news)).toMatchObject({ changes: true, replaces: [] });
    const updated = await handlers.update(sub.id, olds, news);
    expect(updated.outs).toMatchObject({ status: "ACTIVED", genMode: "IMPORT", csrPem, issuerName: "Handlers Root" });
    expect(updated.outs?.certificatePem).toBe(signed.outs?.certificatePem);
    expect(await handlers.diff(sub.id, updated.outs as PrivateCaOutputs, news)).toMatchObject({ changes: false });
    // A later refresh finds the same state.
    expect((await handlers.read(sub.id, updated.outs)).props).toEqual(updated.outs);

    // Destroy: disable, then schedule the deletion with the stored pendingDays.
    await handlers.delete(sub.id, updated.outs as PrivateCaOutputs);
    await handlers.delete(root.id, root.outs as PrivateCaOutputs);
    await intermediate.delete(signed.id, signed.outs as IntermediateCaCertificateOutputs);
    const inventory = await emulator.inventory();
    const byId = new Map(inventory.certificate_authorities.map((ca) => [ca.id, ca]));
    expect(byId.get(root.id)).toMatchObject({ status: "DELETED", deleted: true });
    expect(byId.get(sub.id)).toMatchObject({ status: "DELETED", deleted: true });
    const rootCa = await emulator.client().cas.get(root.id);
    expect(Date.parse(rootCa.deleteTime ?? "") - Date.now()).toBeGreaterThan(8.9 * 86_400_000);
    // Already scheduled, or already gone: deleting again is a success.
    await handlers.delete(root.id, root.outs as PrivateCaOutputs);
    const refreshed = await handlers.read(root.id, root.outs);
    expect(refreshed.props).toMatchObject({ status: "DELETED", deleteTime: rootCa.deleteTime });
  });

  it("a pending CA deleted outside Pulumi leaves state; deleting it again succeeds", async () => {
    const sub = await handlers.create(await checked(PENDING_SUB));
    await emulator.client().cas.delete(sub.id);
    expect(await handlers.read(sub.id, sub.outs)).toEqual({ id: "" });
    await handlers.delete(sub.id, sub.outs as PrivateCaOutputs);
  });

  it("issuing from a PENDING, DISABLED or CSR-issued CA fails with what to do", async () => {
    const root = await handlers.create(await checked(ROOT));
    const sub = await handlers.create(await checked(PENDING_SUB));
    const csrPem = sub.outs?.csrPem ?? "";
    const validity = { type: "YEAR" as const, value: 1 };

    const fromPending = await failure(intermediate.create({ issuerId: sub.id, csrPem, validity }));
    expect(isCcmApiError(fromPending)).toBe(true);
    expect(fromPending.message).toMatch(
      new RegExp(
        `^issuerId: the CA ${sub.id} \\("Handlers Issuing"\\) cannot issue intermediate CA certificates: only an ACTIVED CA issues, and it is PENDING`,
      ),
    );
    expect(fromPending.message).toMatch(/import the certificate signed for its csrPem/);
    expect(fromPending.message).toMatch(/HTTP 403/);

    const fromPendingSub = await failure(
      handlers.create(await checked({ ...PENDING_SUB, issuerId: sub.id, signatureAlgorithm: "SHA256", validity })),
    );
    expect(fromPendingSub.message).toMatch(
      /cannot issue subordinate CAs: only an ACTIVED CA issues, and it is PENDING/,
    );

    const signed = await intermediate.create({ issuerId: root.id, csrPem, validity });
    const fromCsrIssued = await failure(intermediate.create({ issuerId: signed.id, csrPem, validity }));
    expect(fromCsrIssued.message).toMatch(/it was issued from a CSR \(IntermediateCaCertificate\)/);

    await emulator.client().cas.disable(root.id);
    const fromDisabled = await failure(intermediate.create({ issuerId: root.id, csrPem, validity }));
    expect(fromDisabled.message).toMatch(/and it is DISABLED\. Enable it again/);
    // The refresh of a disabled CA keeps its certificate (CCM exports only ACTIVED or EXPIRED CAs).
    const disabled = await handlers.read(root.id, root.outs);
    expect(disabled.props).toMatchObject({ status: "DISABLED", certificatePem: root.outs?.certificatePem });
  });

  it("importing a certificate issued for another CA's key names PCA.00030301 and the fix", async () => {
    const root = await handlers.create(await checked(ROOT));
    const first = await handlers.create(await checked(PENDING_SUB));
    const second = await handlers.create(await checked(PENDING_SUB));
    const signed = await intermediate.create({
      issuerId: root.id,
      csrPem: first.outs?.csrPem ?? "",
      validity: { type: "YEAR", value: 1 },
    });
    const news = await checked({
      ...PENDING_SUB,
      certificatePem: signed.outs?.certificatePem,
      certificateChainPem: signed.outs?.certificateChainPem,
    });
    const error = await failure(handlers.update(second.id, second.outs as PrivateCaOutputs, news));
    expect(error.message).toMatch(
      new RegExp(`^certificatePem: the certificate's public key is not the key of CA ${second.id}`),
    );
    expect(error.message).toMatch(/PCA\.00030301/);
    expect(error.message).not.toContain("-----BEGIN");
    expect((await emulator.client().cas.get(second.id)).status).toBe("PENDING");

    // Creating a CA with a certificate already given: the CA is recorded PENDING with its CSR,
    // so the next `pulumi up` can import the right one.
    const init = await failure(handlers.create(news));
    expect(init).toBeInstanceOf(ResourceInitError);
    const partial = init as ResourceInitError;
    expect(partial.message).toMatch(/^CA [0-9a-f-]{36} was created, but certificatePem: the certificate's public key/);
    expect(partial.properties).toMatchObject({
      status: "PENDING",
      csrPem: expect.stringMatching(/CERTIFICATE REQUEST/),
    });
    expect(partial.properties.certificatePem).toBeUndefined();

    // An activated CA cannot take another certificate: the update says why before calling the API.
    const activated = await handlers.update(
      first.id,
      first.outs as PrivateCaOutputs,
      await checked({
        ...PENDING_SUB,
        certificatePem: news.certificatePem,
        certificateChainPem: news.certificateChainPem,
      }),
    );
    const resigned = await intermediate.create({
      issuerId: root.id,
      csrPem: first.outs?.csrPem ?? "",
      validity: { type: "YEAR", value: 2 },
    });
    const again = await failure(
      handlers.update(
        first.id,
        activated.outs as PrivateCaOutputs,
        await checked({
          ...PENDING_SUB,
          certificatePem: resigned.outs?.certificatePem,
          certificateChainPem: resigned.outs?.certificateChainPem,
        }),
      ),
    );
    expect(isCcmError(again) && again.code).toBe("ERR_CCM_INVALID_ARGUMENT");
    expect(again.message).toMatch(/CCM imports a certificate only into a PENDING CA, and CA .* is ACTIVED/);
  });

  it("a create that fails after the CA exists records it, and the update that follows finishes the job", async () => {
    const news = await checked({ ...ROOT, tags: { team: "pki" } });
    await emulator.setFaults([
      { kind: "error", method: "POST", path: "/tags/create$", status: 400, error_code: "PCA.00020001", count: 1 },
    ]);
    const error = await failure(handlers.create(news));
    expect(error).toBeInstanceOf(ResourceInitError);
    const partial = error as ResourceInitError;
    expect(partial.properties).toMatchObject({ caId: partial.id, status: "UNKNOWN" });
    // The tags were not added, so state must not claim them: the update compares against state.
    expect(partial.properties.tags).toBeUndefined();
    const finished = await handlers.update(partial.id, partial.properties as unknown as PrivateCaOutputs, news);
    expect(finished.outs).toMatchObject({ status: "ACTIVED", tags: { team: "pki" } });
    expect(finished.outs?.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(await emulator.client().cas.tags.list(partial.id)).toEqual({ team: "pki" });
  });

  it("get and import (read without stored inputs) adopt a CA with the inputs the API knows, validity too", async () => {
    const root = await handlers.create(await checked({ ...ROOT, validity: { type: "MONTH", value: 7 } }));
    const adopted = await handlers.read(root.id, undefined);
    const inputs = {
      type: "ROOT",
      keyAlgorithm: "EC384",
      signatureAlgorithm: "SHA384",
      distinguishedName: DN,
      validity: { type: "MONTH", value: 7 },
    };
    expect(adopted.inputs).toEqual(inputs);
    expect(adopted.props).toMatchObject({
      ...inputs,
      status: "ACTIVED",
      certificatePem: root.outs?.certificatePem,
    });
    // The stated inputs pass check, so an import needs no guess: a program stating them plans nothing.
    expect((await handlers.check({}, adopted.inputs as Record<string, unknown>)).failures).toBeUndefined();
    const news = await checked(inputs);
    expect(await handlers.diff(root.id, adopted.props as PrivateCaOutputs, news)).toMatchObject({ changes: false });
  });

  it("a refresh keeps the user's validity even where another unit states the same window", async () => {
    const root = await handlers.create(await checked({ ...ROOT, validity: { type: "DAY", value: 62 } }));
    expect((await handlers.read(root.id, undefined)).inputs?.validity).toEqual({ type: "MONTH", value: 2 });
    const refreshed = await handlers.read(root.id, root.outs);
    expect(refreshed.inputs).toBeUndefined();
    expect(refreshed.props?.validity).toEqual({ type: "DAY", value: 62 });
  });

  it("exporting the CSR of an active CA says the CSR exists only while PENDING", async () => {
    const root = await handlers.create(await checked(ROOT));
    const error = await failure(exportCsrExplained(emulator.client(), root.id));
    expect(error.message).toMatch(
      /^csrPem: CCM exports a CA's certificate signing request only while the CA is PENDING, and the CA .* is ACTIVED/,
    );
  });
});
