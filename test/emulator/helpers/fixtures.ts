// Request bodies and small flows the emulator tests share.

import { expect } from "vitest";
import type { Api } from "./client.js";

export const CA_DN = {
  common_name: "Emulator Test Root",
  country: "CN",
  state: "Sichuan",
  locality: "Chengdu",
  organization: "Huawei",
  organizational_unit: "CloudBU",
};

/** The two collections of the CCM API the tests call. */
export const CERTS = "/v1/private-certificates";
export const CAS = "/v1/private-certificate-authorities";

export function rootBody(overrides: Record<string, unknown> = {}) {
  return {
    type: "ROOT",
    key_algorithm: "EC256",
    signature_algorithm: "SHA256",
    distinguished_name: CA_DN,
    validity: { type: "YEAR", value: 10 },
    ...overrides,
  };
}

export function subordinateBody(issuerId: string | undefined, overrides: Record<string, unknown> = {}) {
  return {
    type: "SUBORDINATE",
    key_algorithm: "EC256",
    signature_algorithm: "SHA256",
    distinguished_name: { ...CA_DN, common_name: "Emulator Test Sub" },
    validity: { type: "YEAR", value: 5 },
    ...(issuerId === undefined ? {} : { issuer_id: issuerId }),
    path_length: 0,
    ...overrides,
  };
}

export function certificateBody(issuerId: string, overrides: Record<string, unknown> = {}) {
  return {
    issuer_id: issuerId,
    key_algorithm: "EC256",
    signature_algorithm: "SHA256",
    distinguished_name: { common_name: "leaf.example.com" },
    validity: { type: "DAY", value: 30 },
    ...overrides,
  };
}

/** A CSR signed into an intermediate CA certificate for one year (POST …/private-certificates/csr). */
export function intermediateByCsrBody(issuerId: string, csr: string, pathLength: number) {
  return {
    issuer_id: issuerId,
    csr,
    validity: { type: "YEAR", value: 1 },
    type: "INTERMEDIATE_CA",
    path_length: pathLength,
  };
}

export async function createCa(api: Api, body: unknown): Promise<string> {
  const response = await api.post("/v1/private-certificate-authorities", body);
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json.ca_id as string;
}

export async function createRoot(api: Api, overrides: Record<string, unknown> = {}): Promise<string> {
  return createCa(api, rootBody(overrides));
}

export async function applyCertificate(api: Api, issuerId: string, overrides: Record<string, unknown> = {}) {
  const response = await api.post("/v1/private-certificates", certificateBody(issuerId, overrides));
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json.certificate_id as string;
}

/** Asserts an error answer: status, error_code and the `{error_code, error_msg}` shape. */
export function expectError(
  response: { status: number; json: Record<string, unknown> | undefined },
  status: number,
  code: string,
): void {
  expect(response.status, JSON.stringify(response.json)).toBe(status);
  expect(response.json?.error_code).toBe(code);
  expect(typeof response.json?.error_msg).toBe("string");
}
