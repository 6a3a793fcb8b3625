// The standing bad-input table: malformed inputs over all six resources, each of which `pulumi
// preview` must refuse — naming the property, saying what is allowed, calling no API and echoing
// no secret. Rules come from the API pages and docs/api-facts.md (see provider/schemas/enums.ts).
// `allowed` matches the refusal's reason; `secret` is a value that must appear nowhere in the output.
import type { ResourceTypeName } from "../../provider/runtime/resource-types.js";
import { FIXTURE_CERTIFICATE_PEM, FIXTURE_CSR_PEM } from "../fixtures/pem.js";

export type ResourceType = ResourceTypeName;

export interface BadInputCase {
  name: string;
  type: ResourceType;
  /** The bad part, merged over the resource's valid base args. */
  args: Record<string, unknown>;
  /** The property the refusal must name, as the engine prints it ("validity.startFrom", "tags"). */
  property: string;
  /** Must match the refusal's reason: what is allowed. */
  allowed: RegExp;
  secret?: string;
}

const CA_ID = "4c0e772e-a30c-4029-b929-b7acb04143f7";
// Long enough ago that even the longest validity a case states (31 years) has ended: a past start
// whose window is still open is accepted (the object starts now; see start-from.ts).
const YEAR_1990 = Date.UTC(1990, 0, 1);
const LOWER_UUID = /36-character UUID in lower case \(hex digits 0-9 a-f, groups 8-4-4-4-12\)/;
const EPS = /must be "0" \(the default project\), "all", or an enterprise project id \(a lower-case UUID\)/;
const PRINTABLE = /must be printable text: no line breaks, tabs or other control characters/;
const TAG_KEY = /is not allowed: a key has 1–128 characters of letters, digits, spaces and _ \. : = \+ - @/;
const TAG_VALUE = /is not allowed: a value has 0–255 characters of letters, digits, spaces and _ \. : \/ = \+ - @/;
const START_FORMAT = /must be an ISO 8601 date such as "2030-01-01T00:00:00Z" or milliseconds since the epoch/;
const START_PAST = /must not be earlier than now minus 5 minutes \(.*\); leave it out to start now/;
const START_FUTURE = /must be before .*: a certificate starts inside its issuer's validity, and no CA lasts longer/;
const CSR_PARSE = /csrPem must be a PEM certificate request that parses \(PKCS#10, base64 DER\)/;
const CSR_ONE = /csrPem must be exactly one PEM certificate request \(-----BEGIN CERTIFICATE REQUEST-----/;

export const BASE_ARGS: Record<ResourceType, Record<string, unknown>> = {
  PrivateCa: {
    type: "ROOT",
    distinguishedName: {
      commonName: "Table Root",
      country: "CN",
      state: "Sichuan",
      locality: "Chengdu",
      organization: "Example Corp",
      organizationalUnit: "Platform",
    },
    keyAlgorithm: "EC384",
    signatureAlgorithm: "SHA384",
    validity: { type: "YEAR", value: 5 },
  },
  PrivateCertificate: {
    issuerId: CA_ID,
    keyAlgorithm: "EC256",
    signatureAlgorithm: "SHA256",
    distinguishedName: { commonName: "app.internal.example" },
    validity: { type: "DAY", value: 30 },
  },
  IntermediateCaCertificate: { issuerId: CA_ID, csrPem: FIXTURE_CSR_PEM, validity: { type: "YEAR", value: 5 } },
  CertificateBundle: { certificateId: CA_ID, type: "NGINX" },
  ScmCertificateBundle: { certificateId: "scs1554192131150" },
  MigrationTaskCertKey: { taskId: "task-0001" },
};

const manyTags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, `v${i}`]));

function cert(name: string, args: Record<string, unknown>, property: string, allowed: RegExp, secret?: string) {
  return { name, type: "PrivateCertificate" as const, args, property, allowed, ...(secret ? { secret } : {}) };
}
function ca(name: string, args: Record<string, unknown>, property: string, allowed: RegExp, secret?: string) {
  return { name, type: "PrivateCa" as const, args, property, allowed, ...(secret ? { secret } : {}) };
}
function inter(name: string, args: Record<string, unknown>, property: string, allowed: RegExp, secret?: string) {
  const type = "IntermediateCaCertificate" as const;
  return { name, type, args, property, allowed, ...(secret ? { secret } : {}) };
}
function bundle(name: string, args: Record<string, unknown>, property: string, allowed: RegExp, secret?: string) {
  return { name, type: "CertificateBundle" as const, args, property, allowed, ...(secret ? { secret } : {}) };
}
function scm(name: string, args: Record<string, unknown>, property: string, allowed: RegExp) {
  return { name, type: "ScmCertificateBundle" as const, args, property, allowed };
}
function sms(name: string, args: Record<string, unknown>, property: string, allowed: RegExp) {
  return { name, type: "MigrationTaskCertKey" as const, args, property, allowed };
}

const dn = (fields: Record<string, unknown>) => ({ distinguishedName: fields });
const validity = (fields: Record<string, unknown>) => ({ validity: fields });
/** A SAN list with only entry `index` set: the table merges lists entry by entry, so the SAN
 * cases of one preview fill one list. */
const san = (index: number, type: string, value: string) => {
  const list: unknown[] = [];
  list[index] = { type, value };
  return list;
};

export const BAD_INPUT_CASES: BadInputCase[] = [
  // PrivateCertificate
  cert("issuerId in upper case", { issuerId: CA_ID.toUpperCase() }, "issuerId", LOWER_UUID),
  cert("issuerId not a UUID", { issuerId: "not-a-ca-id" }, "issuerId", LOWER_UUID),
  cert("issuerId an array", { issuerId: [CA_ID] }, "issuerId", /must be a string \(got an array\)/),
  cert("keyAlgorithm unknown", { keyAlgorithm: "RSA1024" }, "keyAlgorithm", /must be one of "RSA2048", "RSA4096"/),
  cert("signatureAlgorithm MD5", { signatureAlgorithm: "MD5" }, "signatureAlgorithm", /one of "SHA256", "SHA384"/),
  cert("common name blank", dn({ commonName: "   " }), "distinguishedName.commonName", /must not be blank: give 1–64/),
  cert(
    "common name with a newline",
    dn({ commonName: "app\ninternal.example" }),
    "distinguishedName.commonName",
    PRINTABLE,
  ),
  cert("common name too long", dn({ commonName: "x".repeat(65) }), "distinguishedName.commonName", /at most 64 char/),
  cert("country not two letters", dn({ country: "China" }), "distinguishedName.country", /must be two letters/),
  cert("organization with a tab", dn({ organization: "Acme\tCorp" }), "distinguishedName.organization", PRINTABLE),
  cert("locality too long", dn({ locality: "l".repeat(129) }), "distinguishedName.locality", /at most 128 characters/),
  cert("state blank", dn({ state: " " }), "distinguishedName.state", /must not be blank: give 1–128 characters/),
  cert(
    "distinguished name field misspelled",
    dn({ cn: "x" }),
    "distinguishedName.cn",
    /is not a known property; known ones: distinguishedName\.commonName, distinguishedName\.country/,
  ),
  cert("validity type unknown", validity({ type: "WEEK" }), "validity.type", /one of "YEAR", "MONTH", "DAY", "HOUR"/),
  cert("validity value 0", validity({ value: 0 }), "validity.value", /must be greater than 0/),
  cert("validity value NaN", validity({ value: "__NaN__" }), "validity.value", /must be a number \(got NaN\)/),
  cert("validity over 20 years", validity({ type: "YEAR", value: 21 }), "validity.value", /at most 20 years/),
  cert("startFrom in the past", validity({ startFrom: YEAR_1990 }), "validity.startFrom", START_PAST),
  cert("startFrom in year 9999", validity({ startFrom: "9999-01-01T00:00:00Z" }), "validity.startFrom", START_FUTURE),
  cert("startFrom garbage", validity({ startFrom: "soon" }), "validity.startFrom", START_FORMAT),
  cert(
    "SAN DNS not a domain",
    { subjectAlternativeNames: san(0, "DNS", "not a domain!") },
    "subjectAlternativeNames[0].value",
    /DNS must be a domain name such as "app\.example\.com"/,
  ),
  cert(
    "SAN IP out of range",
    { subjectAlternativeNames: san(1, "IP", "999.1.1.1") },
    "subjectAlternativeNames[1].value",
    /IP must be an IPv4 address such as "10\.0\.0\.1" or an IPv6 address/,
  ),
  cert(
    "SAN EMAIL without @",
    { subjectAlternativeNames: san(2, "EMAIL", "x") },
    "subjectAlternativeNames[2].value",
    /EMAIL must be an address such as "ops@example\.com"/,
  ),
  cert(
    "SAN URI with a space",
    { subjectAlternativeNames: san(3, "URI", "https://example.com/a b") },
    "subjectAlternativeNames[3].value",
    /URI must be an absolute URI without spaces/,
  ),
  cert(
    "SAN type unknown",
    { subjectAlternativeNames: san(4, "FTP", "x") },
    "subjectAlternativeNames[4].type",
    /must be one of "DNS", "IP", "EMAIL", "URI"/,
  ),
  cert(
    "21 SANs",
    { subjectAlternativeNames: Array.from({ length: 21 }, (_, i) => ({ type: "DNS", value: `n${i}.example` })) },
    "subjectAlternativeNames",
    /must have at most 20 entries/,
  ),
  cert("keyUsages unknown", { keyUsages: ["serverAuth"] }, "keyUsages[0]", /must be one of "digitalSignature"/),
  cert(
    "extendedKeyUsage not a boolean",
    { extendedKeyUsage: { serverAuth: "yes" } },
    "extendedKeyUsage.serverAuth",
    /must be a boolean \(got a string\)/,
  ),
  cert(
    "customizedExtension OID garbage",
    { customizedExtension: { objectIdentifier: "abc", value: "x" } },
    "customizedExtension.objectIdentifier",
    /must be a dotted OID such as 1\.3\.6\.1\.4\.1\.2011\.4\.99/,
  ),
  cert("enterpriseProjectId a path", { enterpriseProjectId: "../../x" }, "enterpriseProjectId", EPS),
  cert("tag key with a comma", { tags: { "a,b": "x" } }, "tags", new RegExp(`key "a,b" ${TAG_KEY.source}`)),
  cert(
    "tag key with a newline",
    { tags: { "line\nbreak": "x" } },
    "tags",
    new RegExp(`key "line\\\\nbreak" ${TAG_KEY.source}`),
  ),
  cert(
    "tag value with a newline",
    { tags: { team: "a\nb" } },
    "tags",
    new RegExp(`the value of "team" ${TAG_VALUE.source}`),
  ),
  cert("21 tags", { tags: manyTags(21) }, "tags", /at most 20 tags \(got \d+\)/),
  cert("renewBefore garbage", { renewBefore: "soon" }, "renewBefore", /must be a duration such as "720h"/),
  cert(
    "revokeOnDelete unknown",
    { revokeOnDelete: "LOST" },
    "revokeOnDelete",
    /one of "UNSPECIFIED", "KEY_COMPROMISE"/,
  ),
  cert(
    "subjectAlternativeNames misspelled",
    { subjectAltNames: [{ type: "DNS", value: "x.example" }] },
    "subjectAltNames",
    /subjectAltNames is not a known property; did you mean subjectAlternativeNames\?/,
  ),
  cert(
    "csrPem damaged",
    { csrPem: "-----BEGIN CERTIFICATE REQUEST-----\nTOPSECRETCSRBODY\n-----END CERTIFICATE REQUEST-----\n" },
    "csrPem",
    CSR_PARSE,
    "TOPSECRETCSRBODY",
  ),
  cert("csrPem not PEM", { csrPem: "TOPSECRETNOTPEM" }, "csrPem", CSR_ONE, "TOPSECRETNOTPEM"),
  cert(
    "csrPem misspelled (a secret)",
    { csrpem: "TOPSECRETTYPOVALUE" },
    "csrpem",
    /csrpem is not a known property; did you mean csrPem\?/,
    "TOPSECRETTYPOVALUE",
  ),

  // PrivateCa
  ca("type unknown", { type: "INTERMEDIATE" }, "type", /must be one of "ROOT", "SUBORDINATE"/),
  ca("keyAlgorithm unknown", { keyAlgorithm: "RSA1024" }, "keyAlgorithm", /one of "RSA2048", .*"SM2"/),
  ca("signatureAlgorithm MD5", { signatureAlgorithm: "MD5" }, "signatureAlgorithm", /one of "SHA256", .*"SM3"/),
  ca("common name a tab only", dn({ commonName: "\t" }), "distinguishedName.commonName", /must not be blank/),
  ca("country three letters", dn({ country: "CHN" }), "distinguishedName.country", /must be two letters/),
  ca("unit too long", dn({ organizationalUnit: "u".repeat(65) }), "distinguishedName.organizationalUnit", /at most 64/),
  ca("locality with a NUL", dn({ locality: "Cheng\u0000du" }), "distinguishedName.locality", PRINTABLE),
  ca("state with a newline", dn({ state: "Si\nchuan" }), "distinguishedName.state", PRINTABLE),
  ca(
    "validity over 30 years",
    { type: "ROOT", validity: { value: 31 } },
    "validity.value",
    /at most 30 years \(30 YEAR\)/,
  ),
  ca("startFrom in the past", validity({ startFrom: YEAR_1990 }), "validity.startFrom", START_PAST),
  ca("startFrom garbage", validity({ startFrom: "tomorrow-ish" }), "validity.startFrom", START_FORMAT),
  ca("validity a string", { validity: "5y" }, "validity", /must be an object \(got a string\)/),
  ca("pendingDays too few", { pendingDays: 3 }, "pendingDays", /must be at least 7/),
  ca("pathLength too long", { pathLength: 9 }, "pathLength", /must be at most 6/),
  ca("keyUsages unknown", { keyUsages: ["sign"] }, "keyUsages[0]", /must be one of "digitalSignature"/),
  ca(
    "CRL on without a bucket",
    { crlConfiguration: { enabled: true } },
    "crlConfiguration.obsBucketName",
    /required when the CRL is enabled/,
  ),
  // `enabled` is given: the case has one fault (YAML's type check would stop at a missing `enabled`).
  ca(
    "CRL validDays 99",
    { crlConfiguration: { enabled: false, validDays: 99 } },
    "crlConfiguration.validDays",
    /must be at most 30/,
  ),
  ca("enterpriseProjectId garbage", { enterpriseProjectId: "x" }, "enterpriseProjectId", EPS),
  ca("tag key reserved", { tags: { _sys_x: "x" } }, "tags", /key "_sys_x" is not allowed: .*not starting with "_sys_"/),
  ca(
    "tag value with a newline",
    { tags: { owner: "a\nb" } },
    "tags",
    new RegExp(`the value of "owner" ${TAG_VALUE.source}`),
  ),
  ca("21 tags", { tags: manyTags(21) }, "tags", /at most 20 tags/),
  ca(
    "import certificate not a certificate",
    { certificatePem: "-----BEGIN CERTIFICATE-----\nNOTACERTSECRET\n-----END CERTIFICATE-----\n" },
    "certificatePem",
    /certificatePem must be PEM certificates that parse \(X\.509\)/,
    "NOTACERTSECRET",
  ),
  ca(
    "import chain not PEM",
    { certificateChainPem: "CHAINSECRETTEXT" },
    "certificateChainPem",
    /certificateChainPem must be PEM certificates \(-----BEGIN CERTIFICATE-----/,
    "CHAINSECRETTEXT",
  ),
  ca("issuerId in upper case", { issuerId: CA_ID.toUpperCase() }, "issuerId", LOWER_UUID),
  ca(
    "distinguishedName misspelled",
    { distinguishedNames: {} },
    "distinguishedNames",
    /distinguishedNames is not a known property; did you mean distinguishedName\?/,
  ),
  ca("pendingDays misspelled", { pendingDay: 7 }, "pendingDay", /did you mean pendingDays\?/),

  // IntermediateCaCertificate
  inter("issuerId in upper case", { issuerId: CA_ID.toUpperCase() }, "issuerId", LOWER_UUID),
  inter("issuerId empty", { issuerId: "" }, "issuerId", LOWER_UUID),
  inter(
    "csrPem damaged",
    { csrPem: "-----BEGIN CERTIFICATE REQUEST-----\nSECRETCSRDAMAGE\n-----END CERTIFICATE REQUEST-----" },
    "csrPem",
    CSR_PARSE,
    "SECRETCSRDAMAGE",
  ),
  inter("csrPem a certificate", { csrPem: FIXTURE_CERTIFICATE_PEM }, "csrPem", CSR_ONE),
  inter("csrPem two requests", { csrPem: FIXTURE_CSR_PEM + FIXTURE_CSR_PEM }, "csrPem", CSR_ONE),
  inter(
    "validity over 20 years",
    validity({ type: "MONTH", value: 241 }),
    "validity.value",
    /at most 20 years \(240 MONTH\)/,
  ),
  inter("validity type unknown", validity({ type: "DECADE" }), "validity.type", /one of "YEAR", "MONTH", "DAY"/),
  inter("startFrom in the past", validity({ startFrom: YEAR_1990 }), "validity.startFrom", START_PAST),
  inter("startFrom in year 9999", validity({ startFrom: 253_370_764_800_000 }), "validity.startFrom", START_FUTURE),
  inter("startFrom an object", validity({ startFrom: { at: 1 } }), "validity.startFrom", START_FORMAT),
  inter("pathLength too long", { pathLength: 7 }, "pathLength", /must be at most 6/),
  inter("pathLength a fraction", { pathLength: 1.5 }, "pathLength", /must be an integer \(got a fraction\)/),
  inter("enterpriseProjectId in capitals", { enterpriseProjectId: "ALL" }, "enterpriseProjectId", EPS),
  inter(
    "csrPem misspelled (a secret)",
    { csrPEM: "SECRETCSRTYPO" },
    "csrPEM",
    /csrPEM is not a known property; did you mean csrPem\?/,
    "SECRETCSRTYPO",
  ),
  inter("tags not taken", { tags: { a: "b" } }, "tags", /tags is not a known property; known ones: issuerId, csrPem/),

  // CertificateBundle
  bundle("certificateId in upper case", { certificateId: CA_ID.toUpperCase() }, "certificateId", LOWER_UUID),
  bundle("certificateId a path", { certificateId: "../x" }, "certificateId", LOWER_UUID),
  bundle("certificateId a number", { certificateId: 42 }, "certificateId", /must be a string \(got a number\)/),
  bundle("type unknown", { type: "PEM" }, "type", /one of "APACHE", "NGINX", "IIS", "TOMCAT", "OTHER"/),
  bundle("type in lower case", { type: "nginx" }, "type", /one of "APACHE", "NGINX", "IIS", "TOMCAT", "OTHER"/),
  bundle(
    "password with spaces (a secret)",
    { password: "no spaces allowed" },
    "password",
    /password must use only letters, digits and , \. \+ - _ #/,
    "no spaces allowed",
  ),
  bundle("password too long (a secret)", { password: "P".repeat(33) }, "password", /at most 32 bytes/, "P".repeat(33)),
  bundle(
    "password misspelled (a secret)",
    { passwd: "hunter2secret" },
    "passwd",
    /passwd is not a known property; did you mean password\?/,
    "hunter2secret",
  ),
  bundle("unknown format", { format: "PEM" }, "format", /format is not a known property; known ones: certificateId/),

  // ScmCertificateBundle
  scm("id of 15 characters", { certificateId: "scs155419213115" }, "certificateId", /exactly 16 letters, digits/),
  scm("id with / and ..", { certificateId: "scs/../123456789" }, "certificateId", /exactly 16 letters, digits/),
  scm("id with ? and #", { certificateId: "scs1554192131?#0" }, "certificateId", /exactly 16 letters, digits/),
  scm("certificateId misspelled", { certificateID: "x" }, "certificateID", /did you mean certificateId\?/),
  scm("type not taken", { type: "NGINX" }, "type", /type is not a known property; known ones: certificateId/),

  // MigrationTaskCertKey
  sms("taskId empty", { taskId: "" }, "taskId", /must be an SMS migration task id: 1–36 letters, digits/),
  sms("taskId with / and ..", { taskId: "a/../b" }, "taskId", /must be an SMS migration task id: 1–36 letters/),
  sms("taskId with ? and #", { taskId: "x?y#z" }, "taskId", /must be an SMS migration task id: 1–36 letters/),
  sms("enableCaCert a string", { enableCaCert: "yes" }, "enableCaCert", /must be a boolean \(got a string\)/),
  sms("enableCaCert an array", { enableCaCert: [true] }, "enableCaCert", /must be a boolean \(got an array\)/),
  sms("taskId misspelled", { taskID: "task-0001" }, "taskID", /did you mean taskId\?/),
  sms("enableCaCert misspelled", { enableCa: true }, "enableCa", /did you mean enableCaCert\?/),
];
