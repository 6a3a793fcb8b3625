// What the private CA endpoint tests (cas.create, cas.lifecycle) share: a file's emulator with
// the two small flows they read as one step — a CA's status, and a PENDING subordinate.

import { expect } from "vitest";
import { type Api, useEmulator } from "./client.js";
import { CAS, createCa, subordinateBody } from "./fixtures.js";

export const DAY = 86_400_000;

/** useEmulator for a CA test file, with `status` and `pendingSubordinate` bound to it. */
export function useCaEmulator(): {
  api: Api;
  status: (id: string) => Promise<string>;
  pendingSubordinate: (issuerId?: string) => Promise<string>;
} {
  const api = useEmulator();

  async function status(id: string): Promise<string> {
    const response = await api.get(`${CAS}/${id}`);
    expect(response.status).toBe(200);
    return response.json.status;
  }

  async function pendingSubordinate(issuerId?: string): Promise<string> {
    return createCa(api, subordinateBody(issuerId, { signature_algorithm: undefined }));
  }

  return { api, status, pendingSubordinate };
}
