// Creates without duplicates or orphans: the lost-response cases of apply against a fake CCM on
// loopback (the emulator integration test repeats the main case end to end).
import { describe, expect, it } from "vitest";
import { CcmApiError, CcmCreateAmbiguousError, CcmCreateOutcomeUnknownError } from "../../provider/errors.js";
import { APPLY, applyError, applyLosingResponses, client, fake, lookalike, sleeps, useFakeCcm } from "./create-fake.js";
import type { CreateBehaviour } from "./fake-ccm.js";

useFakeCcm();

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
