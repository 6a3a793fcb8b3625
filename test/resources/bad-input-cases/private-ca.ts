// Bad inputs of PrivateCa: type, algorithms, distinguished name, validity and start, pendingDays,
// pathLength, key usages, CRL, project, tags, the imported certificate and chain (secrets), issuer.
import { CA_ID, ca, dn, manyTags, validity, YEAR_1990 } from "./common.js";
import { EPS, LOWER_UUID, PRINTABLE, START_FORMAT, START_PAST, TAG_VALUE } from "./reasons.js";

export const PRIVATE_CA_CASES = [
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
];
