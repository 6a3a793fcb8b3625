// Bad inputs of IntermediateCaCertificate: the issuer, the CSR (a secret), validity and start,
// pathLength, project, and the tags it does not take.
import { FIXTURE_CERTIFICATE_PEM, FIXTURE_CSR_PEM } from "../../fixtures/pem.js";
import { CA_ID, inter, validity, YEAR_1990 } from "./common.js";
import { CSR_ONE, CSR_PARSE, EPS, LOWER_UUID, START_FORMAT, START_FUTURE, START_PAST } from "./reasons.js";

export const INTERMEDIATE_CA_CERTIFICATE_CASES = [
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
];
