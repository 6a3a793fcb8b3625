// POST /v1/private-certificates/csr/parse (docs/api-facts.md §2.8): key algorithm and length, the
// CSR's signature algorithm, its public key and subject; nothing is issued.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { useEmulator } from "./helpers/client.js";
import { csrWithBmpCommonName, ODD_BMP } from "./helpers/crafted-csr.js";
import { expectError } from "./helpers/fixtures.js";

const PARSE = "/v1/private-certificates/csr/parse";

const api = useEmulator({ resetEachTest: false });
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ccm-emulator-csr-parse-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

/** A CSR made by openssl, and the public key openssl derives from its key. */
function opensslCsr(name: string, keyArgs: string[], subject: string, digest: string) {
  const key = join(dir, `${name}.key`);
  execFileSync("openssl", ["genpkey", ...keyArgs, "-out", key], { stdio: "pipe" });
  const csr = execFileSync("openssl", ["req", "-new", "-key", key, "-subj", subject, `-${digest}`], {
    encoding: "utf8",
  });
  const publicKey = execFileSync("openssl", ["pkey", "-in", key, "-pubout"], { encoding: "utf8" });
  return { csr, publicKey };
}

test.each([
  [
    "RSA 3072, SHA-512",
    ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:3072"],
    "sha512",
    "RSA",
    "3072",
    "SHA512withRSA",
  ],
  [
    "EC P-256, SHA-256",
    ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
    "sha256",
    "EC",
    "256",
    "SHA256withECDSA",
  ],
  [
    "EC P-384, SHA-384",
    ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
    "sha384",
    "EC",
    "384",
    "SHA384withECDSA",
  ],
])("%s", async (name, keyArgs, digest, keyAlgorithm, length, signature) => {
  const subject = "/C=CN/ST=Sichuan/L=Chengdu/O=Example Ltd/OU=Ops/CN=parse.example.com";
  const { csr, publicKey } = opensslCsr(name.replace(/\W+/g, "-"), keyArgs, subject, digest);
  const before = (await api.get("/_emulator/inventory", { auth: "none" })).json;
  const response = await api.post(PARSE, { csr });
  expect(response.status).toBe(200);
  expect(response.json).toEqual({
    key_algorithm: keyAlgorithm,
    key_algorithm_length: length,
    signature_algorithm: signature,
    public_key: publicKey.trim().replace(/\n/g, "\r\n"),
    distinguished_name: {
      common_name: "parse.example.com",
      country: "CN",
      state: "Sichuan",
      locality: "Chengdu",
      organization: "Example Ltd",
      organizational_unit: "Ops",
    },
  });
  const after = (await api.get("/_emulator/inventory", { auth: "none" })).json;
  expect(after.certificates).toEqual(before.certificates);
  expect(after.requests.by_route[`POST ${PARSE}`]).toBe((before.requests.by_route[`POST ${PARSE}`] ?? 0) + 1);
});

test("a CSR sent with \\n escapes in the JSON string, and one with only a common name", async () => {
  const { csr } = opensslCsr(
    "cn-only",
    ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
    "/CN=only",
    "sha256",
  );
  const response = await api.post(PARSE, { csr: csr.trim().replace(/\n/g, "\\n") });
  expect(response.status).toBe(200);
  expect(response.json.distinguished_name).toEqual({ common_name: "only" });
});

test("refusals: no csr, not a CSR, a bad signature, a malformed BMPString, no credentials", async () => {
  expectError(await api.post(PARSE, {}), 400, "PCA.00020001");
  expectError(await api.post(PARSE, { csr: 42 }), 400, "PCA.00020001");
  expectError(
    await api.post(PARSE, { csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----" }),
    400,
    "PCA.00020001",
  );
  const { csr } = opensslCsr(
    "tampered",
    ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
    "/CN=t",
    "sha256",
  );
  const der = Buffer.from(csr.replace(/-----[A-Z ]+-----|\s/g, ""), "base64");
  der.writeUInt8(der.readUInt8(der.length - 1) ^ 0x01, der.length - 1);
  const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString("base64")}\n-----END CERTIFICATE REQUEST-----`;
  expectError(await api.post(PARSE, { csr: tampered }), 400, "PCA.00020001");
  expectError(await api.post(PARSE, { csr: csrWithBmpCommonName(ODD_BMP) }), 400, "PCA.00020001");
  expectError(await api.post(PARSE, { csr }, { auth: "none" }), 401, "APIG.0301");
});
