// Creates without duplicates or orphans: the lost-response cases of apply and CA create against
// a fake CCM on loopback (the emulator integration test repeats the main case end to end).
import { beforeEach, describe, expect, it } from "vitest";
import { CcmClient } from "../../provider/client/index.js";
import { resolveConfig } from "../../provider/config.js";
import { CcmApiError, CcmCreateAmbiguousError, CcmCreateOutcomeUnknownError } from "../../provider/errors.js";
import { minimalCertificateArgs } from "../fixtures/certificate-args.js";
import { type ApplyBody, type CreateBehaviour, createFakeCcm, type FakeCcm, fakeId } from "./fake-ccm.js";
import { type LocalServer, useLocalServer } from "./local-server.js";

const ISSUER = "2cb2878b-6cd1-460d-bd25-afe655159bdc";
const APPLY = minimalCertificateArgs(ISSUER, "app.example.com");

let server: LocalServer;
let fake: FakeCcm;
let sleeps: number[];
let onSleep: (count: number) => void;

useLocalServer((started) => {
  server = started;
});
beforeEach(() => {
  fake = createFakeCcm();
  server.setHandler(fake.handler);
  sleeps = [];
  onSleep = () => undefined;
});

function client(stackConfig: Record<string, string> = {}): CcmClient {
  return new CcmClient(
    resolveConfig(
      { "huaweicloud-ccm:ccmEndpoint": server.url, ...stackConfig },
      { HW_ACCESS_KEY: "AK", HW_SECRET_KEY: "SK" },
    ),
    {
      sleep: async (ms) => onSleep(sleeps.push(ms)),
    },
  );
}

function lookalike(createdAgoMs = 0, request?: ApplyBody): string {
  const id = fakeId();
  fake.certificates.push({
    certificate_id: id,
    status: "ISSUED",
    issuer_id: ISSUER,
    key_algorithm: "EC256",
    signature_algorithm: "SHA256",
    gen_mode: "GENERATE",
    create_time: Date.now() + fake.clockOffsetMs - createdAgoMs,
    distinguished_name: { common_name: "app.example.com" },
    ...(request ? { request } : {}),
  });
  return id;
}

/** Applies APPLY with every response lost after the create was processed: the client must adopt. */
async function applyLosingResponses(options?: { knownIds: string[] }) {
  fake.createBehaviour = () => ({ process: true, reply: "reset" });
  const result = await client().certificates.apply(APPLY, options);
  expect(result.resolution).toBe("adopted");
  return result;
}

/** What apply(APPLY) fails with (a result if it succeeds, which then fails the caller's checks). */
function applyError(): Promise<unknown> {
  return client()
    .certificates.apply(APPLY)
    .catch((e: unknown) => e);
}

/** The same name, issuer and algorithms, but a client certificate: other SANs and EKU. */
const SIBLING: ApplyBody = {
  validity: { type: "DAY", value: 30 },
  subject_alternative_names: [{ type: "EMAIL", value: "svc@example.com" }],
  extended_key_usage: { client_auth: true },
};

describe("apply", () => {
  it("answers normally: one request, no lookup", async () => {
    const result = await client().certificates.apply(APPLY);
    expect(result).toMatchObject({ resolution: "created", suspectedDuplicateIds: [] });
    expect(fake.creates).toBe(1);
    expect(fake.lists).toBe(0);
  });

  // One certificate exists afterwards, whichever way the lost first attempt is resolved.
  it.each([
    {
      resolution: "adopted",
      lost: "the response, after the create was processed",
      behaviour: (n: number): CreateBehaviour => ({ process: true, reply: n === 0 ? "reset" : "ok" }),
      creates: 1,
    },
    {
      resolution: "resent",
      lost: "nothing: a 5xx before processing, which the lookup proves",
      behaviour: (n: number): CreateBehaviour =>
        n === 0 ? { process: false, reply: { status: 500 } } : { process: true, reply: "ok" },
      creates: 2,
    },
    {
      resolution: "adopted",
      lost: "the re-send's response too",
      behaviour: (n: number): CreateBehaviour =>
        n === 0 ? { process: false, reply: "reset" } : { process: true, reply: "reset" },
      creates: 2,
    },
  ])("$resolution when the first attempt lost $lost", async ({ resolution, behaviour, creates }) => {
    fake.createBehaviour = behaviour;
    const result = await client().certificates.apply(APPLY);
    expect(result).toMatchObject({ resolution, suspectedDuplicateIds: [] });
    expect(fake.certificates.map((c) => c.certificate_id)).toEqual([result.certificateId]);
    expect(fake.creates).toBe(creates);
    expect(sleeps).toContain(2000); // the settle delay before looking
  });

  it("says the outcome is unknown when every allowed attempt is lost and nothing is visible", async () => {
    fake.createBehaviour = () => ({ process: false, reply: { status: 502 } });
    const error = await applyError();
    expect(error).toBeInstanceOf(CcmCreateOutcomeUnknownError);
    expect((error as Error).message).toMatch(
      /5 attempts ended ambiguously \(HTTP 502 after the create was sent ×5\), .*the limit of 5 attempts is reached/,
    );
    expect(fake.creates).toBe(5);
    expect(fake.certificates).toHaveLength(0);
  });

  it("sends at most huaweicloud-ccm:createAttempts times", async () => {
    fake.createBehaviour = () => ({ process: false, reply: { status: 502 } });
    await expect(client({ "huaweicloud-ccm:createAttempts": "2" }).certificates.apply(APPLY)).rejects.toThrow(
      /the limit of 2 attempts is reached \(createAttempts\)/,
    );
    expect(fake.creates).toBe(2);
  });

  it("converges in one call through a run of failures that created nothing", async () => {
    fake.createBehaviour = (n) =>
      n < 3 ? { process: false, reply: n === 1 ? "reset" : { status: 500 } } : { process: true, reply: "ok" };
    const result = await client().certificates.apply(APPLY);
    expect(result).toMatchObject({ resolution: "resent", attempts: 4, suspectedDuplicateIds: [] });
    expect(fake.certificates).toHaveLength(1);
  });

  it("retries 429 and 503 like any call: the service did not process them", async () => {
    fake.createBehaviour = (n) =>
      n === 0
        ? { process: false, reply: { status: 429, retryAfter: "1" } }
        : n === 1
          ? { process: false, reply: { status: 503 } }
          : { process: true, reply: "ok" };
    const result = await client().certificates.apply(APPLY);
    expect(result.resolution).toBe("created");
    expect(fake.creates).toBe(3);
    expect(fake.lists).toBe(0);
    expect(sleeps[0]).toBe(1000);
  });

  it("never adopts a certificate the caller already manages, nor one created before the call", async () => {
    const mine = lookalike(0);
    lookalike(60 * 60 * 1000); // an hour old
    const result = await applyLosingResponses({ knownIds: [mine] });
    expect(result.certificateId).not.toBe(mine);
    expect(fake.certificates).toHaveLength(3);
  });

  it("stops with the candidates when several unclaimed certificates match", async () => {
    const other = lookalike(0);
    fake.createBehaviour = () => ({ process: true, reply: "reset" });
    const error = await applyError();
    expect(error).toBeInstanceOf(CcmCreateAmbiguousError);
    const candidates = (error as CcmCreateAmbiguousError).candidateIds;
    expect(candidates).toHaveLength(2);
    expect(candidates).toContain(other);
    expect((error as Error).message).toContain("knownIds");
    expect((error as Error).message).not.toContain("pulumi import");
    expect(fake.creates).toBe(1);
  });

  it("ignores look-alikes with another issuer or algorithm", async () => {
    lookalike(0);
    const [decoy] = fake.certificates;
    if (decoy) decoy.key_algorithm = "RSA2048";
    fake.createBehaviour = () => ({ process: true, reply: "reset" });
    await expect(client().certificates.apply(APPLY)).resolves.toMatchObject({ resolution: "adopted" });
  });

  it("corrects for the service's clock using its Date header", async () => {
    fake.clockOffsetMs = -10 * 60 * 1000; // the service is 10 minutes behind us
    fake.createBehaviour = () => ({ process: true, reply: "reset" });
    await expect(client().certificates.apply(APPLY)).resolves.toMatchObject({ resolution: "adopted" });
  });

  it("without a Date header, widens the window to the signature's 15-minute tolerance", async () => {
    fake.sendDate = false;
    fake.clockOffsetMs = -10 * 60 * 1000;
    fake.createBehaviour = () => ({ process: true, reply: "reset" });
    await expect(client().certificates.apply(APPLY)).resolves.toMatchObject({ resolution: "adopted" });
  });

  it("reports a failed lookup as an unknown outcome, never re-sending blindly", async () => {
    fake.listFails = true;
    fake.createBehaviour = () => ({ process: true, reply: "reset" });
    const error = await applyError();
    expect(error).toBeInstanceOf(CcmCreateOutcomeUnknownError);
    expect((error as CcmCreateOutcomeUnknownError).cause).toBeInstanceOf(CcmApiError);
    expect((error as Error).message).toMatch(/lookup failed: .*HTTP 403/);
    expect(fake.creates).toBe(1);
  });

  it("flags a late look-alike after a re-send as a suspected duplicate", async () => {
    fake.createBehaviour = (n) => {
      if (n === 1) lookalike(0); // the first request "finishes" on the service only now
      return n === 0 ? { process: false, reply: { status: 504 } } : { process: true, reply: "ok" };
    };
    const result = await client().certificates.apply(APPLY);
    expect(result.resolution).toBe("resent");
    expect(result.suspectedDuplicateIds).toHaveLength(1);
  });
});

describe("apply: only a certificate that matches the whole request is adopted", () => {
  it("passes over a same-name sibling after a 502 that created nothing, and re-sends", async () => {
    const sibling = lookalike(0, SIBLING);
    fake.createBehaviour = (n) =>
      n === 0 ? { process: false, reply: { status: 502 } } : { process: true, reply: "ok" };
    const result = await client().certificates.apply(APPLY);
    expect(result).toMatchObject({ resolution: "resent", suspectedDuplicateIds: [] });
    expect(result.certificateId).not.toBe(sibling);
    expect(fake.certificates).toHaveLength(2);
    expect(fake.exports).toBeGreaterThan(0); // the sibling was checked on its certificate, not just its name
  });

  it("adopts its own certificate, not the sibling, after a lost response", async () => {
    const sibling = lookalike(0, SIBLING);
    const result = await applyLosingResponses();
    expect(result.certificateId).not.toBe(sibling);
    expect(fake.creates).toBe(1);
  });

  it("leaves known ids out before exporting anything", async () => {
    const mine = lookalike(0);
    await applyLosingResponses({ knownIds: [mine] });
    expect(fake.exports).toBe(1);
  });

  it("names the candidates it could not check, and re-sends nothing", async () => {
    fake.exportFails = true;
    fake.createBehaviour = () => ({ process: true, reply: "reset" });
    const error = await applyError();
    expect(error).toBeInstanceOf(CcmCreateOutcomeUnknownError);
    const [made] = fake.certificates;
    expect((error as CcmCreateOutcomeUnknownError).candidateIds).toEqual([made?.certificate_id]);
    expect((error as Error).message).toContain(`it may be one of ${made?.certificate_id}`);
    expect(fake.creates).toBe(1);
  });

  it("while attempts keep failing, looks after each and adopts a certificate that shows up late", async () => {
    fake.createBehaviour = () => ({ process: false, reply: { status: 502 } });
    let late = "";
    onSleep = (count) => {
      if (count === 3) late = lookalike(0); // the service finishes a slow create only now
    };
    const result = await client().certificates.apply(APPLY);
    expect(result).toMatchObject({ resolution: "adopted", certificateId: late, attempts: 3 });
    expect(fake.creates).toBe(3);
    // A lookup after each attempt, each waiting longer; then the check for a late duplicate.
    expect(sleeps).toEqual([2000, 4000, 8000, 2000]);
  });
});

describe("CA create", () => {
  const CA = {
    type: "ROOT",
    keyAlgorithm: "EC384",
    signatureAlgorithm: "SHA384",
    validity: { type: "YEAR", value: 10 },
    distinguishedName: {
      commonName: "Root CA",
      country: "CN",
      state: "S",
      locality: "L",
      organization: "O",
      organizationalUnit: "OU",
    },
  } as const;

  it("adopts the CA whose response was lost", async () => {
    fake.createBehaviour = () => ({ process: true, reply: "reset" });
    const result = await client().cas.create(CA);
    expect(result.resolution).toBe("adopted");
    expect(fake.cas.map((ca) => ca.ca_id)).toEqual([result.caId]);
  });

  it("does not adopt a CA with another subject", async () => {
    fake.cas.push({
      ca_id: fakeId(),
      type: "ROOT",
      status: "ACTIVED",
      key_algorithm: "EC384",
      create_time: Date.now(),
      distinguished_name: {
        common_name: "Root CA",
        country: "CN",
        state: "S",
        locality: "L",
        organization: "Other",
        organizational_unit: "OU",
      },
    });
    fake.createBehaviour = () => ({ process: true, reply: "reset" });
    await expect(client().cas.create(CA)).resolves.toMatchObject({ resolution: "adopted" });
  });

  it("does not adopt a same-subject CA with another validity, nor one the caller holds", async () => {
    const now = Date.now();
    const lookalikeCa = (years: number) => {
      const id = fakeId();
      const notAfter = new Date(now);
      notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years);
      fake.cas.push({
        ca_id: id,
        type: "ROOT",
        status: "ACTIVED",
        key_algorithm: "EC384",
        create_time: now,
        not_before: now,
        not_after: notAfter.getTime(),
        distinguished_name: {
          common_name: "Root CA",
          country: "CN",
          state: "S",
          locality: "L",
          organization: "O",
          organizational_unit: "OU",
        },
      });
      return id;
    };
    lookalikeCa(5);
    const held = lookalikeCa(10);
    fake.createBehaviour = (n) =>
      n === 0 ? { process: false, reply: { status: 502 } } : { process: true, reply: "ok" };
    const result = await client().cas.create(CA, { knownIds: [held] });
    expect(result).toMatchObject({ resolution: "resent", suspectedDuplicateIds: [] });
    expect(fake.cas).toHaveLength(3);
  });
});
