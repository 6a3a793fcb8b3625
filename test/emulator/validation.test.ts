// One refusal (at least) per validated request field of apply / apply-by-CSR / export, each with its
// status and error_code, plus the documented boundary values that must still be accepted.

import { beforeAll, describe, expect, test } from "vitest";
import { KEY_USAGES } from "../../provider/schemas/enums.js";
import { useEmulator } from "./helpers/client.js";
import { applyCertificate, certificateBody, createRoot, expectError } from "./helpers/fixtures.js";

const CERTS = "/v1/private-certificates";

const api = useEmulator({ resetEachTest: false });
let root: string;
beforeAll(async () => {
  root = await createRoot(api, { validity: { type: "YEAR", value: 30 } });
});

const dn = (fields: Record<string, unknown>) => ({ distinguished_name: { common_name: "x.example.com", ...fields } });
const san = (type: string, value: unknown) => ({ subject_alternative_names: [{ type, value }] });

const REFUSED: [string, Record<string, unknown>, number, string][] = [
  ["body is not an object", { __replace: "[]" }, 400, "PCA.00020001"],
  ["issuer_id missing", { issuer_id: undefined }, 400, "PCA.00020201"],
  ["issuer_id not a UUID", { issuer_id: "2cb2878b" }, 400, "PCA.00020201"],
  ["key_algorithm missing", { key_algorithm: undefined }, 400, "PCA.00020102"],
  ["key_algorithm unknown", { key_algorithm: "RSA1024" }, 400, "PCA.00020102"],
  ["key_algorithm SM2 (China site only)", { key_algorithm: "SM2" }, 400, "PCA.00020102"],
  ["signature_algorithm missing", { signature_algorithm: undefined }, 400, "PCA.00020103"],
  ["signature_algorithm unknown", { signature_algorithm: "MD5" }, 400, "PCA.00020103"],
  ["distinguished_name missing", { distinguished_name: undefined }, 400, "PCA.00020101"],
  ["common_name missing", { distinguished_name: { country: "CN" } }, 400, "PCA.00020101"],
  ["common_name empty", dn({ common_name: "" }), 400, "PCA.00020101"],
  ["common_name 65 characters", dn({ common_name: "c".repeat(65) }), 400, "PCA.00020101"],
  ["country of 3 letters", dn({ country: "CHN" }), 400, "PCA.00020101"],
  ["country with digits", dn({ country: "C1" }), 400, "PCA.00020101"],
  ["state empty", dn({ state: "" }), 400, "PCA.00020101"],
  ["state 129 characters", dn({ state: "s".repeat(129) }), 400, "PCA.00020101"],
  ["locality 129 characters", dn({ locality: "l".repeat(129) }), 400, "PCA.00020101"],
  ["organization 65 characters", dn({ organization: "o".repeat(65) }), 400, "PCA.00020101"],
  ["organizational_unit 65 characters", dn({ organizational_unit: "u".repeat(65) }), 400, "PCA.00020101"],
  ["organization not a string", dn({ organization: 42 }), 400, "PCA.00020101"],
  ["validity missing", { validity: undefined }, 400, "PCA.00020109"],
  ["validity type unknown", { validity: { type: "WEEK", value: 1 } }, 400, "PCA.00020109"],
  ["validity type lower case", { validity: { type: "year", value: 1 } }, 400, "PCA.00020109"],
  ["validity value 0", { validity: { type: "DAY", value: 0 } }, 400, "PCA.00020109"],
  ["validity value not an integer", { validity: { type: "DAY", value: 1.5 } }, 400, "PCA.00020109"],
  ["validity over 20 years", { validity: { type: "YEAR", value: 21 } }, 400, "PCA.00020109"],
  ["validity over 20 years in months", { validity: { type: "MONTH", value: 240 } }, 400, "PCA.00020109"],
  ["validity over 20 years in hours", { validity: { type: "HOUR", value: 20 * 366 * 24 } }, 400, "PCA.00020109"],
  [
    "start_from more than 5 minutes ago",
    { validity: { type: "DAY", value: 1, start_from: Date.now() - 10 * 60_000 } },
    400,
    "PCA.00020109",
  ],
  ["start_from not a number", { validity: { type: "DAY", value: 1, start_from: "soon" } }, 400, "PCA.00020109"],
  ["key_usages not an array", { key_usages: "digitalSignature" }, 400, "PCA.00020001"],
  ["key_usages unknown name", { key_usages: ["digital_signature"] }, 400, "PCA.00020001"],
  ["extended_key_usage not an object", { extended_key_usage: ["server_auth"] }, 400, "PCA.00020001"],
  ["extended_key_usage flag as a string", { extended_key_usage: { server_auth: "true" } }, 400, "PCA.00020001"],
  ["subject_alternative_names not an array", { subject_alternative_names: { type: "DNS" } }, 400, "PCA.00020001"],
  [
    "21 subject alternative names",
    { subject_alternative_names: Array.from({ length: 21 }, (_, i) => ({ type: "DNS", value: `h${i}.example.com` })) },
    400,
    "PCA.00020001",
  ],
  ["SAN type unknown", san("RID", "1.2.3"), 400, "PCA.00020112"],
  ["SAN DNS not a domain name", san("DNS", "bad_host!"), 400, "PCA.00020110"],
  ["SAN DNS 254 characters", san("DNS", `${"a".repeat(63)}.`.repeat(4).slice(0, 254)), 400, "PCA.00020110"],
  ["SAN DNS label of 64 characters", san("DNS", `${"a".repeat(64)}.example.com`), 400, "PCA.00020110"],
  ["SAN DNS empty", san("DNS", ""), 400, "PCA.00020110"],
  ["SAN IP not an address", san("IP", "300.1.1.1"), 400, "PCA.00020111"],
  ["SAN IP 40 characters", san("IP", "1".repeat(40)), 400, "PCA.00020111"],
  ["SAN EMAIL without @", san("EMAIL", "ops.example.com"), 400, "PCA.00020001"],
  ["SAN EMAIL 257 characters", san("EMAIL", `${"e".repeat(245)}@example.com`), 400, "PCA.00020001"],
  ["SAN URI not a URI", san("URI", "not a uri"), 400, "PCA.00020001"],
  ["SAN URI 254 characters", san("URI", `https://example.com/${"p".repeat(234)}`), 400, "PCA.00020001"],
  ["SAN value not a string", san("DNS", 7), 400, "PCA.00020110"],
  [
    "custom extension OID not dotted",
    { customized_extension: { object_identifier: "iso.3.6", value: "v" } },
    400,
    "PCA.00020001",
  ],
  [
    "custom extension OID over 64 characters",
    { customized_extension: { object_identifier: `1.3.${"6.".repeat(31)}1`, value: "v" } },
    400,
    "PCA.00020001",
  ],
  [
    "custom extension value missing",
    { customized_extension: { object_identifier: "1.3.6.1.4.1.2011.4.99" } },
    400,
    "PCA.00020001",
  ],
  [
    "custom extension value over 64 characters",
    { customized_extension: { object_identifier: "1.3.6.1.4.1.2011.4.99", value: "v".repeat(65) } },
    400,
    "PCA.00020001",
  ],
  ["enterprise_project_id malformed", { enterprise_project_id: "project-1" }, 400, "PCA.00020001"],
];

describe("apply refuses", () => {
  test.each(REFUSED)("%s", async (_name, change, status, code) => {
    const body: Record<string, unknown> = { ...certificateBody(root), ...change };
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete body[key];
    const response =
      "__replace" in change
        ? await api.call("POST", CERTS, { rawBody: String(change.__replace) })
        : await api.post(CERTS, body);
    expectError(response, status, code);
  });

  test("a body that is not JSON", async () => {
    expectError(await api.call("POST", CERTS, { rawBody: "{not json" }), 400, "PCA.00020001");
  });
});

describe("apply accepts the documented boundaries", () => {
  const ACCEPTED: [string, Record<string, unknown>][] = [
    ["common_name of 64 characters", dn({ common_name: "c".repeat(64) })],
    ["lower-case country", dn({ country: "cn" })],
    ["state and locality of 128 characters", dn({ state: "s".repeat(128), locality: "l".repeat(128) })],
    [
      "20 subject alternative names",
      {
        subject_alternative_names: Array.from({ length: 20 }, (_, i) => ({ type: "DNS", value: `h${i}.example.com` })),
      },
    ],
    ["a wildcard DNS name", san("DNS", "*.example.com")],
    ["an IPv6 address", san("IP", "2001:db8::1")],
    ["validity of exactly 20 years", { validity: { type: "YEAR", value: 20 } }],
    ["start_from 4 minutes ago", { validity: { type: "DAY", value: 1, start_from: Date.now() - 4 * 60_000 } }],
    [
      "start_from as a string of digits",
      { validity: { type: "DAY", value: 1, start_from: String(Date.now() + 60_000) } },
    ],
    [
      "an empty customized_extension (as Terraform sends it)",
      { customized_extension: { object_identifier: "", value: "" } },
    ],
    [
      "all key usages",
      {
        // The client's list (from the docs, not the emulator's own): each catches the other's slip.
        key_usages: [...KEY_USAGES],
      },
    ],
    [
      "all extended key usages",
      {
        extended_key_usage: {
          server_auth: true,
          client_auth: true,
          code_signing: true,
          email_protection: true,
          time_stamping: true,
        },
      },
    ],
    ["enterprise_project_id 0", { enterprise_project_id: "0" }],
  ];
  test.each(ACCEPTED)("%s", async (_name, change) => {
    const response = await api.post(CERTS, { ...certificateBody(root), ...change });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
  });

  test("start_from sets not_before", async () => {
    const start = Date.now() + 3_600_000;
    const id = await applyCertificate(api, root, { validity: { type: "HOUR", value: 2, start_from: start } });
    const details = (await api.get(`${CERTS}/${id}`)).json;
    expect(details.not_before).toBe(start);
    expect(details.not_after).toBe(start + 2 * 3_600_000);
  });
});
