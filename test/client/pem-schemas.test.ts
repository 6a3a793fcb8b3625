// PEM normalisation and the shared schemas: args validation with the enum tables, explicit
// camelCase ↔ snake_case mappers, and responses accepted in both documented forms.
import { describe, expect, it } from "vitest";
import { csrCommonName } from "../../provider/client/csr.js";
import { fullChainPem, normalizePem, splitPemBlocks } from "../../provider/pem.js";
import {
  applyCertificateArgs,
  applyCertificateByCsrArgs,
  CA_STATUSES,
  caFromWire,
  caWire,
  certificateFromWire,
  certificateWire,
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

// The CSR sample of the "export CA CSR" page (CCM "ExportCertificateAuthorityCsr"), "\r\n" line breaks as the API sends them.
const SEED_CSR =
  "-----BEGIN CERTIFICATE REQUEST-----\r\nMIIBUDCB2AIBADBZMRAwDgYDVQQDDAdDU1IsMTIzMQswCQYDVQQGEwJjbjERMA8G\r\nA1UECAwIc2hhbmdoYWkxETAPBgNVBAcMCHNoYW5naGFpMRIwEAYDVQQKDAlzaGFu\r\nZyxoYWkwdjAQBgcqhkjOPQIBBgUrgQQAIgNiAAQl9M7bK+vys5x9mnfG3783aPRh\r\nP/xqLPKVsRsqniC3vPZvIz9E7SasMfZLrXVK37QWhtAEtgNG7NrQnwiOye0/8VZL\r\nVX7ildM6CZY4SlJYSa6TBUsXyGjOs514fjxbuT6gADAKBggqhkjOPQQDAgNnADBk\r\nAjBlQiPXU7TDDDwxrh+JfZEYgmr61cIQdE5GMozPDYime30zcuMnVrb9i3o/2BW+\r\n0lECMG0QWbAYh0LoqnmAYqlgTKK8nKsxm0xFuTRyfxynWi8BpCvAGx803Qpa8EJV\r\nJTTjcw==\r\n-----END CERTIFICATE REQUEST-----";

const CA_ID = "2cb2878b-6cd1-460d-bd25-afe655159bdc";

describe("PEM helpers", () => {
  it("normalises CRLF, missing final newline and indentation", () => {
    expect(normalizePem("-----BEGIN CERTIFICATE-----\r\n  AAAA\r\nBBBB  \r\n-----END CERTIFICATE-----")).toBe(
      "-----BEGIN CERTIFICATE-----\nAAAA\nBBBB\n-----END CERTIFICATE-----\n",
    );
  });

  it("separates blocks glued together (SCM doc sample) and drops text between blocks", () => {
    const glued =
      "-----BEGIN CERTIFICATE-----A-----END CERTIFICATE----------BEGIN CERTIFICATE-----B-----END CERTIFICATE-----";
    expect(splitPemBlocks(glued)).toEqual([
      "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n",
      "-----BEGIN CERTIFICATE-----\nB\n-----END CERTIFICATE-----\n",
    ]);
    expect(normalizePem(`junk\n${glued}\ntrailer`)).toBe(splitPemBlocks(glued).join(""));
  });

  it("keeps encrypted-key headers with their blank line, and literal \\n escapes become line breaks", () => {
    const encrypted =
      "-----BEGIN RSA PRIVATE KEY-----\\nProc-Type: 4,ENCRYPTED\\nDEK-Info: AES-256-CBC,00\\n\\nQUJD\\n-----END RSA PRIVATE KEY-----";
    expect(normalizePem(encrypted)).toBe(
      "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n\nQUJD\n-----END RSA PRIVATE KEY-----\n",
    );
  });

  it("is idempotent and leaves non-PEM text trimmed", () => {
    const once = normalizePem(SEED_CSR);
    expect(normalizePem(once)).toBe(once);
    expect(once.endsWith("-----END CERTIFICATE REQUEST-----\n")).toBe(true);
    expect(once).not.toContain("\r");
    expect(normalizePem("  hello \r\n")).toBe("hello\n");
  });

  it("builds a full chain leaf-first without duplicates", () => {
    const a = "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n";
    const b = "-----BEGIN CERTIFICATE-----\nB\n-----END CERTIFICATE-----\n";
    expect(fullChainPem(a, `${a}${b}`)).toBe(`${a}${b}`);
    expect(fullChainPem(a)).toBe(a);
  });

  it("reads the common name of the seed's CSR", () => {
    expect(csrCommonName(SEED_CSR)).toBe("CSR,123");
    expect(csrCommonName("no csr here")).toBeUndefined();
  });
});

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

describe("responses: both forms", () => {
  it("reads a certificate with ms timestamps as numbers or numeric strings", () => {
    const base = {
      certificate_id: "ae9a326a-b61e-4446-854d-cda30ffe31f5",
      status: "ISSUED",
      issuer_id: CA_ID,
      freeze_flag: 0,
      gen_mode: "GENERATE",
      distinguished_name: { common_name: "TestCert", country: "CN" },
      delete_time: null,
      future_field: "ignored",
    };
    const numeric = certificateFromWire(
      certificateWire.parse({ ...base, create_time: 1645146939688, not_after: 1739754939688 }),
    );
    const strings = certificateFromWire(
      certificateWire.parse({ ...base, create_time: "1645146939688", not_after: "1739754939688", freeze_flag: "0" }),
    );
    expect(numeric).toEqual(strings);
    expect(numeric).toMatchObject({
      certificateId: base.certificate_id,
      status: "ISSUED",
      createTime: "2022-02-18T01:15:39.688Z",
      deleteTime: undefined,
      freezeFlag: 0,
      distinguishedName: { commonName: "TestCert", country: "CN", state: undefined },
    });
  });

  it("reads a CA, including booleans sent as strings", () => {
    const ca = caFromWire(
      caWire.parse({
        ca_id: CA_ID,
        type: "ROOT",
        status: "ACTIVED",
        path_length: "7",
        crl_configuration: { enabled: "false", valid_days: 7 },
        create_time: 0,
        issuer_id: null,
      }),
    );
    expect(ca).toMatchObject({
      caId: CA_ID,
      status: "ACTIVED",
      pathLength: 7,
      createTime: undefined,
      issuerId: undefined,
    });
    expect(ca.crlConfiguration).toMatchObject({ enabled: false, validDays: 7 });
    expect(CA_STATUSES).toContain(ca.status);
  });

  it("rejects a response without the fields everything depends on", () => {
    expect(certificateWire.safeParse({ status: "ISSUED" }).success).toBe(false);
    expect(certificateWire.safeParse({ certificate_id: "x", status: "ISSUED", create_time: "yesterday" }).success).toBe(
      false,
    );
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
