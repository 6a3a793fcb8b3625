// Creates without duplicates or orphans, continued: after a lost response, apply adopts only a
// certificate that matches the whole request, and CA create only a CA that matches its own.
import { beforeEach, describe, expect, it } from "vitest";
import { CcmCreateOutcomeUnknownError } from "../../provider/errors.js";
import {
  APPLY,
  applyError,
  applyLosingResponses,
  client,
  fake,
  lookalike,
  onEachSleep,
  sleeps,
  useFakeCcm,
} from "./create-fake.js";
import { type ApplyBody, fakeId } from "./fake-ccm.js";

let onSleep: (count: number) => void;

useFakeCcm();
beforeEach(() => {
  onSleep = () => undefined;
});
onEachSleep((count) => onSleep(count));

/** The same name, issuer and algorithms, but a client certificate: other SANs and EKU. */
const SIBLING: ApplyBody = {
  validity: { type: "DAY", value: 30 },
  subject_alternative_names: [{ type: "EMAIL", value: "svc@example.com" }],
  extended_key_usage: { client_auth: true },
};
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
