// The shared schemas' args: validation with the enum tables and the explicit camelCase → snake_case
// mappers of apply, CA create, export and tags; and the enum tables themselves.
import { describe, expect, it } from "vitest";
import { normalizePem } from "../../provider/pem.js";
import {
  applyCertificateArgs,
  applyCertificateByCsrArgs,
  createCaArgs,
  exportCertificateArgs,
  exportedCertificateFromWire,
  exportedCertificateWire,
  issuesOf,
  KEY_USAGES,
  REVOCATION_REASONS,
  tagListWire,
  tagsFromWire,
  toApplyCertificateBody,
  toApplyCertificateByCsrBody,
  toCreateCaBody,
  toExportCertificateBody,
  toTagListBody,
} from "../../provider/schemas/index.js";
import { ORGANISATION } from "../harness/ca-fixtures.js";
import { CA_ID, SEED_CSR } from "./pem-schemas-fixtures.js";

describe("apply args", () => {
  const args = {
    issuerId: CA_ID,
    keyAlgorithm: "RSA2048",
    signatureAlgorithm: "SHA256",
    distinguishedName: { commonName: "TestCert", country: "CN", organizationalUnit: "CloudBU" },
    validity: { type: "YEAR", value: 3 },
    keyUsages: ["digitalSignature", "nonRepudiation"],
    subjectAlternativeNames: [{ type: "IP", value: "156.127.116.38" }],
    extendedKeyUsage: { serverAuth: true, clientAuth: false },
    customizedExtension: { objectIdentifier: "1.3.6.1.4.1.2011.4.99", value: "x" },
  } as const;

  it("maps to the documented snake_case body, field by field", () => {
    // Every key in snake_case and every value as given: the documented body, nothing added or dropped.
    expect(toApplyCertificateBody(applyCertificateArgs.parse(args))).toEqual(snakeKeys(args));
    expect(snakeKeys(args)).toMatchObject({ issuer_id: CA_ID, distinguished_name: { organizational_unit: "CloudBU" } });
  });

  it("converts an ISO start date to the millisecond timestamp the API wants", () => {
    const parsed = applyCertificateArgs.parse({
      ...args,
      validity: { type: "DAY", value: 1, startFrom: "2022-02-18T01:15:39.688Z" },
    });
    expect(toApplyCertificateBody(parsed).validity).toEqual({ type: "DAY", value: 1, start_from: 1645146939688 });
  });

  it("rejects values outside the enum tables and limits, with readable paths", () => {
    const result = applyCertificateArgs.safeParse({
      ...args,
      keyAlgorithm: "SM2",
      distinguishedName: { commonName: "x".repeat(65), country: "CHN" },
      validity: { type: "YEAR", value: 21 },
      subjectAlternativeNames: [{ type: "DNS", value: "a".repeat(254) }],
      keyUsages: ["signEverything"],
      issuerId: "not-a-uuid",
      surprise: true,
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const issues = issuesOf(result.error).join("\n");
    for (const path of [
      "keyAlgorithm",
      "distinguishedName.commonName",
      "distinguishedName.country",
      "subjectAlternativeNames.0.value",
      "keyUsages.0",
      "issuerId",
    ]) {
      expect(issues).toContain(`${path}:`);
    }
    expect(issues).toMatch(/surprise/);
  });

  it("limits validity per unit (20 years for certificates)", () => {
    expect(applyCertificateArgs.safeParse({ ...args, validity: { type: "MONTH", value: 240 } }).success).toBe(true);
    expect(applyCertificateArgs.safeParse({ ...args, validity: { type: "MONTH", value: 241 } }).success).toBe(false);
  });

  it("allows pathLength only for INTERMEDIATE_CA CSR applies", () => {
    const csrArgs = { issuerId: CA_ID, csr: SEED_CSR, validity: { type: "YEAR", value: 1 } } as const;
    expect(applyCertificateByCsrArgs.safeParse({ ...csrArgs, pathLength: 1 }).success).toBe(false);
    const parsed = applyCertificateByCsrArgs.parse({ ...csrArgs, type: "INTERMEDIATE_CA", pathLength: 1 });
    const body = toApplyCertificateByCsrBody(parsed);
    expect(body).toMatchObject({
      issuer_id: CA_ID,
      type: "INTERMEDIATE_CA",
      path_length: 1,
      validity: { type: "YEAR", value: 1 },
    });
    expect(body.csr).toBe(normalizePem(SEED_CSR));
  });
});

describe("CA args", () => {
  const dn = { commonName: "Root", ...ORGANISATION };

  it("requires a full DN, algorithm and validity for a root, and maps explicitly", () => {
    expect(
      createCaArgs.safeParse({ type: "ROOT", distinguishedName: { commonName: "Root" }, keyAlgorithm: "EC256" })
        .success,
    ).toBe(false);
    const parsed = createCaArgs.parse({
      type: "ROOT",
      distinguishedName: dn,
      keyAlgorithm: "SM2",
      signatureAlgorithm: "SM3",
      validity: { type: "YEAR", value: 30 },
      crlConfiguration: { enabled: true, obsBucketName: "b", validDays: 7 },
    });
    expect(toCreateCaBody(parsed)).toEqual({
      type: "ROOT",
      distinguished_name: snakeKeys(dn), // every field, under its documented name
      key_algorithm: "SM2",
      signature_algorithm: "SM3",
      validity: { type: "YEAR", value: 30 },
      crl_configuration: { enabled: true, obs_bucket_name: "b", valid_days: 7 },
    });
  });

  it("a subordinate without issuer, algorithm or validity is created PENDING", () => {
    expect(
      createCaArgs.safeParse({ type: "SUBORDINATE", distinguishedName: dn, keyAlgorithm: "RSA2048" }).success,
    ).toBe(true);
    expect(
      createCaArgs.safeParse({
        type: "ROOT",
        distinguishedName: dn,
        keyAlgorithm: "RSA2048",
        signatureAlgorithm: "SHA256",
        validity: { type: "YEAR", value: 31 },
      }).success,
    ).toBe(false);
    expect(
      createCaArgs.safeParse({
        type: "SUBORDINATE",
        distinguishedName: dn,
        keyAlgorithm: "RSA2048",
        crlConfiguration: { enabled: true },
      }).success,
    ).toBe(false);
  });
});

describe("export and tags", () => {
  it("sends is_compressed as the documented string", () => {
    const parsed = exportCertificateArgs.parse({ type: "TOMCAT", password: "pa55,word" });
    expect(toExportCertificateBody(parsed, true)).toEqual({
      type: "TOMCAT",
      is_compressed: "true",
      password: "pa55,word",
    });
    expect(toExportCertificateBody(exportCertificateArgs.parse({ type: "OTHER", smStandard: false }), false)).toEqual({
      type: "OTHER",
      is_compressed: "false",
      is_sm_standard: "false",
    });
    expect(exportCertificateArgs.safeParse({ type: "PKCS12" }).success).toBe(false);
    expect(exportCertificateArgs.safeParse({ type: "OTHER", password: "x".repeat(33) }).success).toBe(false);
    expect(exportCertificateArgs.safeParse({ type: "OTHER", password: "bad pass!" }).success).toBe(false);
  });

  it("normalises the exported PEMs of the doc example", () => {
    const wire = exportedCertificateWire.parse({
      certificate: "-----BEGIN CERTIFICATE-----\r\nAAA\r\n-----END CERTIFICATE-----",
      certificate_chain:
        "-----BEGIN CERTIFICATE-----\r\nBBB\r\n-----END CERTIFICATE-----\r\n-----BEGIN CERTIFICATE-----\r\nCCC\r\n-----END CERTIFICATE-----",
      private_key: "-----BEGIN RSA PRIVATE KEY-----\r\nKKK\r\n-----END RSA PRIVATE KEY-----\r\n",
    });
    const exported = exportedCertificateFromWire(wire);
    expect(exported.certificate).toBe("-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n");
    expect(exported.certificateChain?.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(exported.privateKey).toBe("-----BEGIN RSA PRIVATE KEY-----\nKKK\n-----END RSA PRIVATE KEY-----\n");
    expect(exported.encCertificate).toBeUndefined();
  });

  it("tags are a map in args and a list on the wire", () => {
    expect(toTagListBody({ env: "prod", "team:a": "" })).toEqual({
      tags: [
        { key: "env", value: "prod" },
        { key: "team:a", value: "" },
      ],
    });
    expect(
      tagsFromWire(
        tagListWire.parse({
          tags: [
            { key: "env", value: "prod" },
            { key: "empty", value: null },
          ],
        }),
      ),
    ).toEqual({ env: "prod", empty: "" });
    expect(tagsFromWire(tagListWire.parse({}))).toEqual({});
  });
});

describe("enum tables", () => {
  it("hold the documented values", () => {
    expect(KEY_USAGES).toHaveLength(9);
    expect(REVOCATION_REASONS.ATTRIBUTE_AUTHORITY_COMPROMISE).toBe(10);
    expect(REVOCATION_REASONS.PRIVILEGE_WITHDRAWN).toBe(9);
  });
});

/** `value` with every object key, at any depth, in snake_case (`extendedKeyUsage` → `extended_key_usage`). */
function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeKeys(item)]),
  );
}
