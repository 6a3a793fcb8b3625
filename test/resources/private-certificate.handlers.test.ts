// PrivateCertificate and CertificateBundle handlers without the engine: check and diff as pure
// functions (what a preview runs — no API call), then create/update against an in-process emulator
// for the paths an e2e run cannot reach cheaply: a create that fails half-way, a CA that cannot issue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCcmApiError, ResourceInitError } from "../../provider/errors.js";
import { handlerContext } from "../../provider/kernel/context.js";
import { CERTIFICATE_BUNDLE } from "../../provider/resources/certificate-bundle/declaration.js";
import { PRIVATE_CERTIFICATE } from "../../provider/resources/private-certificate/declaration.js";
import type {
  PrivateCertificateInputs,
  PrivateCertificateOutputs,
} from "../../provider/resources/private-certificate/inputs.js";
import { UNKNOWN } from "../../provider/resources/shared/unknowns.js";
import { parseDuration } from "../../provider/schemas/duration.js";
import { minimalCertificateArgs } from "../fixtures/certificate-args.js";
import { FIXTURE_CSR_PEM } from "../fixtures/pem.js";
import { pointHandlersAt, TestEmulator } from "../harness/emulator.js";
import { createRootCa } from "./fixtures.js";

const handlers = PRIVATE_CERTIFICATE.handlers(handlerContext());
const bundle = CERTIFICATE_BUNDLE.handlers(handlerContext());

const CA_ID = "2cb2878b-6cd1-460d-bd25-afe655159bdc";
const ARGS = minimalCertificateArgs(CA_ID, "unit.internal.example");
const HOUR = 3_600_000;

async function failuresOf(news: Record<string, unknown>, olds: Record<string, unknown> = {}) {
  const result = await handlers.check(olds, news);
  return Object.fromEntries((result.failures ?? []).map((f) => [f.property, f.reason]));
}

function stored(overrides: Partial<PrivateCertificateOutputs> = {}): PrivateCertificateOutputs {
  return {
    ...(ARGS as PrivateCertificateInputs),
    certificateId: "c0ffee00-0000-4000-8000-000000000001",
    status: "ISSUED",
    notAfter: new Date(Date.now() + 30 * 24 * HOUR).toISOString(),
    readyForRenewal: false,
    ...overrides,
  };
}

describe("check (no API call)", () => {
  it("accepts valid input and stores the parsed form (ISO startFrom → ms)", async () => {
    const start = new Date(Date.now() + HOUR).toISOString();
    const result = await handlers.check({}, { ...ARGS, validity: { type: "DAY", value: 30, startFrom: start } });
    expect(result.failures).toBeUndefined();
    expect((result.inputs as PrivateCertificateInputs).validity.startFrom).toBe(Date.parse(start));
  });

  it("lets values unknown at preview pass, wherever they are", async () => {
    const news = { ...ARGS, issuerId: UNKNOWN, distinguishedName: { commonName: UNKNOWN }, validity: UNKNOWN };
    expect((await handlers.check({}, news)).failures).toBeUndefined();
  });

  it("requires the key and subject fields unless a CSR is given, and refuses them with one", async () => {
    expect(await failuresOf({ issuerId: CA_ID, validity: ARGS.validity })).toMatchObject({
      keyAlgorithm: "is required (unless csrPem is given)",
      signatureAlgorithm: "is required (unless csrPem is given)",
      distinguishedName: "is required (unless csrPem is given)",
    });
    const csr = FIXTURE_CSR_PEM;
    expect(await failuresOf({ ...ARGS, csrPem: csr })).toMatchObject({
      keyAlgorithm: expect.stringContaining("not used with csrPem"),
      distinguishedName: expect.stringContaining("not used with csrPem"),
    });
  });

  it("refuses a renewal window as long as the validity (it would renew at every up)", async () => {
    expect(await failuresOf({ ...ARGS, validity: { type: "HOUR", value: 24 }, renewBefore: "1d" })).toMatchObject({
      renewBefore: expect.stringContaining("shorter than the validity"),
    });
    expect(await failuresOf({ ...ARGS, validity: { type: "HOUR", value: 24 }, renewBefore: "23h" })).toEqual({});
  });

  it("judges startFrom's 5-minute rule only when it changes, and lets a past start with an open window pass", async () => {
    const ended = Date.now() - 31 * 24 * HOUR;
    const news = { ...ARGS, validity: { type: "DAY", value: 30, startFrom: ended } };
    expect(await failuresOf(news)).toMatchObject({ "validity.startFrom": expect.stringContaining("5 minutes") });
    expect(await failuresOf(news, news)).toEqual({});
    // A renewal's re-check (no olds): its start has passed but its window is still open.
    const open = { ...ARGS, validity: { type: "DAY", value: 30, startFrom: Date.now() - 24 * HOUR } };
    expect(await failuresOf(open)).toEqual({});
  });

  it("never echoes a CSR that fails (the engine would print it)", async () => {
    const result = await handlers.check({}, { issuerId: CA_ID, validity: ARGS.validity, csrPem: "not a csr" });
    const failure = result.failures?.find((f) => f.reason.includes("csrPem"));
    expect(failure).toEqual({
      property: "",
      reason:
        "csrPem must be exactly one PEM certificate request (-----BEGIN CERTIFICATE REQUEST----- … -----END CERTIFICATE REQUEST-----)",
    });
  });
});

describe("diff (no API call)", () => {
  it("no change when only the serialized provider differs", async () => {
    const olds = { ...stored(), __provider: "old" } as PrivateCertificateOutputs;
    const news = { ...ARGS, __provider: "new" } as unknown as PrivateCertificateInputs;
    expect(await handlers.diff("id", olds, news)).toMatchObject({ changes: false, replaces: [] });
  });

  it("issuance fields replace, new first; tags, renewBefore and revokeOnDelete update in place", async () => {
    const news = { ...ARGS, distinguishedName: { commonName: "other" } } as PrivateCertificateInputs;
    expect(await handlers.diff("id", stored(), news)).toEqual({
      changes: true,
      replaces: ["distinguishedName"],
      deleteBeforeReplace: false,
    });
    const inPlace = { ...ARGS, tags: { a: "b" }, revokeOnDelete: "SUPERSEDED" } as PrivateCertificateInputs;
    expect(await handlers.diff("id", stored(), inPlace)).toMatchObject({ changes: true, replaces: [] });
  });

  it("key usages compare as a set; an unknown issuer plans a replacement", async () => {
    const olds = stored({ keyUsages: ["digitalSignature", "keyAgreement"] });
    const reordered = { ...ARGS, keyUsages: ["keyAgreement", "digitalSignature"] } as PrivateCertificateInputs;
    expect((await handlers.diff("id", olds, reordered)).changes).toBe(false);
    const unknownIssuer = { ...ARGS, issuerId: UNKNOWN } as PrivateCertificateInputs;
    expect((await handlers.diff("id", stored(), unknownIssuer)).replaces).toEqual(["issuerId"]);
  });

  it("plans the renewal from the clock alone, and replaces revoked or expired certificates", async () => {
    const soon = stored({ notAfter: new Date(Date.now() + HOUR).toISOString(), renewBefore: "2h" });
    const news = { ...ARGS, renewBefore: "2h" } as PrivateCertificateInputs;
    expect((await handlers.diff("id", soon, news)).replaces).toEqual(["readyForRenewal"]);
    expect((await handlers.diff("id", soon, { ...news, renewBefore: "30m" })).replaces).toEqual([]);
    expect(
      (await handlers.diff("id", stored({ status: "REVOKED" }), ARGS as PrivateCertificateInputs)).replaces,
    ).toEqual(["status"]);
  });

  it("reads the time from the context's clock: the same state is due for renewal only once the clock says so", async () => {
    const notAfter = Date.parse("2031-06-01T00:00:00Z");
    const olds = stored({ notAfter: new Date(notAfter).toISOString(), renewBefore: "720h" });
    const news = { ...ARGS, renewBefore: "720h" } as PrivateCertificateInputs;
    const at = (now: number) => PRIVATE_CERTIFICATE.handlers(handlerContext({ clock: { now: () => now } }));
    expect((await at(notAfter - 721 * HOUR).diff("id", olds, news)).replaces).toEqual([]);
    expect((await at(notAfter - 719 * HOUR).diff("id", olds, news)).replaces).toEqual(["readyForRenewal"]);
  });

  it("duration formats", () => {
    expect(parseDuration("720h")).toBe(720 * HOUR);
    expect(parseDuration("1h30m")).toBe(1.5 * HOUR);
    expect(parseDuration("P30D")).toBe(720 * HOUR);
    expect(parseDuration("PT12H")).toBe(12 * HOUR);
    for (const bad of ["", "soon", "P", "PT", "1y", "10"]) expect(parseDuration(bad), bad).toBeUndefined();
  });

  it("a bundle is replaced by any change of certificate, type or password", async () => {
    const olds = { certificateId: CA_ID, type: "NGINX" } as never;
    expect(await bundle.diff("id", olds, { certificateId: CA_ID, type: "NGINX" } as never)).toMatchObject({
      changes: false,
    });
    expect(await bundle.diff("id", olds, { certificateId: CA_ID, type: "IIS" } as never)).toMatchObject({
      replaces: ["type"],
    });
  });
});

describe("handlers against the emulator", () => {
  let emulator: TestEmulator;
  let caId: string;

  beforeAll(async () => {
    emulator = await TestEmulator.start();
    ({ caId } = await createRootCa(emulator));
    pointHandlersAt(emulator.url);
  });
  afterAll(() => emulator?.close());

  it("a create that fails after the certificate exists keeps its id; the update that follows finishes it", async () => {
    const args = { ...ARGS, issuerId: caId, tags: { team: "platform" } } as PrivateCertificateInputs;
    await emulator.setFaults([{ kind: "error", method: "GET", path: "^/v1/private-certificates/[^/]+$", status: 403 }]);
    const failure = await handlers.create(args).catch((e: unknown) => e);
    await emulator.setFaults([]);
    expect(failure).toBeInstanceOf(ResourceInitError);
    const { id, properties, reasons } = failure as ResourceInitError;
    // The engine shows the reasons alone: they say what exists and what comes next.
    expect(reasons).toEqual([(failure as Error).message]);
    expect(reasons[0]).toMatch(
      new RegExp(
        `^certificate ${id} was created, but .*HTTP 403.*It is kept in the stack: the next \`pulumi up\` finishes it$`,
      ),
    );
    expect((await emulator.inventory()).certificates.map((c) => c.id)).toEqual([id]);
    expect(properties.tags).toBeUndefined();
    const { outs } = await handlers.update(id, properties as unknown as PrivateCertificateOutputs, args);
    expect(outs).toMatchObject({ certificateId: id, status: "ISSUED", tags: { team: "platform" } });
    expect((await emulator.inventory()).certificates[0]?.tags).toEqual([{ key: "team", value: "platform" }]);
  });

  it("issuing from a disabled CA says why and what to do", async () => {
    await emulator.client().cas.disable(caId);
    const error = await handlers
      .create({ ...ARGS, issuerId: caId } as PrivateCertificateInputs)
      .catch((e: unknown) => e);
    await emulator.client().cas.enable(caId);
    expect(isCcmApiError(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /issuerId: the CA .* cannot issue certificates: only an ACTIVED CA issues, and it is DISABLED/,
    );
  });

  it("a validity past the issuer's end (known only at up) is explained with both dates", async () => {
    // The root lasts 5 years: a start 6 years ahead passes check (under 30 years) but not the API.
    const startFrom = Date.now() + 6 * 366 * 24 * HOUR;
    const error = await handlers
      .create({ ...ARGS, issuerId: caId, validity: { type: "DAY", value: 30, startFrom } } as PrivateCertificateInputs)
      .catch((e: unknown) => e);
    expect(isCcmApiError(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /^validity\.startFrom: the requested validity \(from .*, 30 DAY\) ends after its issuer, the CA .* which is valid until \d{4}-.*Start earlier, shorten the validity/,
    );
    expect((await emulator.inventory()).certificates).toHaveLength(1); // only the earlier test's
  });

  it("read by id (import, get) states the inputs the API knows, validity too; a refresh keeps the user's", async () => {
    const args = {
      ...ARGS,
      issuerId: caId,
      validity: { type: "HOUR", value: 36 },
      tags: { team: "platform" },
    } as PrivateCertificateInputs;
    const { id, outs } = await handlers.create(args);
    const taken = await handlers.read(id, undefined);
    expect(taken.inputs).toEqual({
      issuerId: caId,
      keyAlgorithm: "EC256",
      signatureAlgorithm: "SHA256",
      distinguishedName: expect.objectContaining({ commonName: "unit.internal.example" }),
      validity: { type: "HOUR", value: 36 },
      tags: { team: "platform" },
    });
    expect(taken.props).toMatchObject({ certificateId: id, validity: { type: "HOUR", value: 36 } });
    // The stated inputs pass check, and a program stating them plans no change.
    const checked = await handlers.check({}, taken.inputs as Record<string, unknown>);
    expect(checked.failures).toBeUndefined();
    const news = checked.inputs as PrivateCertificateInputs;
    expect(await handlers.diff(id, taken.props as PrivateCertificateOutputs, news)).toMatchObject({ changes: false });

    const refreshed = await handlers.read(id, { ...(outs as PrivateCertificateOutputs), renewBefore: "2h" });
    expect(refreshed.inputs).toBeUndefined();
    expect(refreshed.props).toMatchObject({ validity: { type: "HOUR", value: 36 }, renewBefore: "2h" });
  });
});
