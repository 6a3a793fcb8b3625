// What the create tests (create.apply, create.match) share: a fake CCM on loopback, fresh before
// every test; a client of it whose sleeps are recorded (and can be hooked); the certificate request
// APPLY, look-alikes of its certificate, and the two ways of applying it that the tests repeat.
import { beforeEach, expect } from "vitest";
import { CcmClient } from "../../provider/client/index.js";
import { resolveConfig } from "../../provider/config.js";
import { minimalCertificateArgs } from "../fixtures/certificate-args.js";
import { type ApplyBody, createFakeCcm, type FakeCcm, fakeId } from "./fake-ccm.js";
import { type LocalServer, useLocalServer } from "./local-server.js";

export const ISSUER = "2cb2878b-6cd1-460d-bd25-afe655159bdc";
export const APPLY = minimalCertificateArgs(ISSUER, "app.example.com");

let server: LocalServer;
// Assigned before every test by useFakeCcm; importers see them through the live binding.
export let fake: FakeCcm;
export let sleeps: number[];
let sleepHook: (count: number) => void = () => undefined;

/** Starts the loopback server for the file, and a fresh fake CCM behind it before every test. */
export function useFakeCcm(): void {
  useLocalServer((started) => {
    server = started;
  });
  beforeEach(() => {
    fake = createFakeCcm();
    server.setHandler(fake.handler);
    sleeps = [];
  });
}

/** Calls `hook` with the number of sleeps so far each time the client sleeps. */
export function onEachSleep(hook: (count: number) => void): void {
  sleepHook = hook;
}

export function client(stackConfig: Record<string, string> = {}): CcmClient {
  return new CcmClient(
    resolveConfig(
      { "huaweicloud-ccm:ccmEndpoint": server.url, ...stackConfig },
      { HW_ACCESS_KEY: "AK", HW_SECRET_KEY: "SK" },
    ),
    {
      sleep: async (ms) => sleepHook(sleeps.push(ms)),
    },
  );
}

export function lookalike(createdAgoMs = 0, request?: ApplyBody): string {
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
export async function applyLosingResponses(options?: { knownIds: string[] }) {
  fake.createBehaviour = () => ({ process: true, reply: "reset" });
  const result = await client().certificates.apply(APPLY, options);
  expect(result.resolution).toBe("adopted");
  return result;
}

/** What apply(APPLY) fails with (a result if it succeeds, which then fails the caller's checks). */
export function applyError(): Promise<unknown> {
  return client()
    .certificates.apply(APPLY)
    .catch((e: unknown) => e);
}
