// PrivateCa and IntermediateCaCertificate handlers against an in-process emulator, without the
// engine: the external-signing flow, deletion, and the errors that must teach (issuing from a CA
// that cannot issue, exporting a CSR past PENDING, importing a certificate for another key).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCcmApiError, isCcmError, ResourceInitError } from "../../provider/errors.js";
import { rememberStackConfig } from "../../provider/kernel/context.js";
import { splitPemBlocks } from "../../provider/pem.js";
import type { IntermediateCaCertificateOutputs } from "../../provider/resources/intermediate-ca-certificate/handlers.js";
import type { PrivateCaInputs, PrivateCaOutputs } from "../../provider/resources/private-ca/inputs.js";
import { exportCsrExplained } from "../../provider/resources/shared/ca-explain.js";
import { TestEmulator } from "../harness/emulator.js";
import { DN, handlers, intermediate, PENDING_SUB, ROOT } from "./private-ca-fixtures.js";

function certificatePem(pem: string): string {
  return splitPemBlocks(pem)[0] ?? "";
}

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
