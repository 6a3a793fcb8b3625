// What the client operation tests (operations.*.integration.test.ts) share: one ccm-emulator a
// file, reset before every test, with its client; a root CA and a pending subordinate to create;
// and a PEM read as an X509Certificate.
import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { closeAllPools } from "../../provider/client/http.js";
import type { CcmClient } from "../../provider/client/index.js";
import type { ApplyCertificateArgs, CreateCaArgs } from "../../provider/schemas/index.js";
import { TestEmulator } from "../harness/emulator.js";

// Assigned by useOperationsEmulator's beforeAll; importers see them through the live binding.
export let harness: TestEmulator;
export let client: CcmClient;

/** Starts the file's emulator in beforeAll, resets it before every test, closes it in afterAll. */
export function useOperationsEmulator(): void {
  beforeAll(async () => {
    harness = await TestEmulator.start({ log: () => {} });
    client = harness.client();
  });
  afterAll(async () => {
    await closeAllPools();
    await harness.close();
  });
  beforeEach(async () => {
    await harness.reset();
  });
}

export const SUBJECT = {
  country: "CN",
  state: "Sichuan",
  locality: "Chengdu",
  organization: "Example",
  organizationalUnit: "Platform",
};
export const ROOT: CreateCaArgs = {
  type: "ROOT",
  keyAlgorithm: "EC384",
  signatureAlgorithm: "SHA384",
  validity: { type: "YEAR", value: 10 },
  distinguishedName: { commonName: "Example Root CA", ...SUBJECT },
};

export async function rootCa(): Promise<string> {
  const { caId, resolution } = await client.cas.create(ROOT);
  expect(resolution).toBe("created");
  return caId;
}

export function pendingSubordinate(commonName = "Example Issuing CA"): CreateCaArgs {
  return { type: "SUBORDINATE", keyAlgorithm: "EC256", distinguishedName: { commonName, ...SUBJECT }, pathLength: 0 };
}

/** A ten-day EC leaf certificate for svc.example.com under `issuerId`. */
export function leafArgs(issuerId: string): ApplyCertificateArgs {
  return {
    issuerId,
    keyAlgorithm: "EC256",
    signatureAlgorithm: "SHA256",
    distinguishedName: { commonName: "svc.example.com" },
    validity: { type: "DAY", value: 10 },
  };
}

export function cert(pem: string | undefined): X509Certificate {
  if (!pem) throw new Error("no PEM");
  return new X509Certificate(pem);
}
