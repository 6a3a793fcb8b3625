// check never echoes a secret input, even one the program passed as a plain value (the classes
// wrap them in pulumi.secret; this proves check does not rely on it): every secret input of
// every resource gets a bad value, straight to the handlers.
import { describe, expect, it } from "vitest";
import { handlerContext } from "../../provider/kernel/context.js";
import { declarationOf } from "../../provider/resources/registry.js";
import type { ResourceTypeName } from "../../provider/runtime/resource-types.js";
import { ORGANISATION } from "../harness/ca-fixtures.js";
import { RESOURCE_TYPES, secretInputs } from "./secret-inputs.js";

const MARKER = "do-not-echo-7f3a";
const ISSUER = "2cb2878b-6cd1-460d-bd25-afe655159bdc";
const DN = { commonName: "Secret Inputs", ...ORGANISATION };

/** Per resource: valid inputs around, and a bad value (carrying MARKER) for each secret input. */
const CASES: Record<ResourceTypeName, { base: Record<string, unknown>; bad: Record<string, unknown> }[]> = {
  PrivateCa: [
    {
      // A well-formed PEM that a root cannot import (a rule across properties), and a non-PEM.
      base: {
        type: "ROOT",
        distinguishedName: DN,
        keyAlgorithm: "EC256",
        signatureAlgorithm: "SHA256",
        validity: { type: "YEAR", value: 1 },
      },
      bad: { certificatePem: `-----BEGIN CERTIFICATE-----\n${MARKER}\n`, certificateChainPem: `chain ${MARKER}` },
    },
    {
      base: { type: "SUBORDINATE", distinguishedName: DN, keyAlgorithm: "EC256" },
      bad: { certificatePem: `cert ${MARKER}`, certificateChainPem: 42 },
    },
  ],
  IntermediateCaCertificate: [
    { base: { issuerId: ISSUER, validity: { type: "YEAR", value: 1 } }, bad: { csrPem: `csr ${MARKER}` } },
  ],
  PrivateCertificate: [
    // With a CSR the key fields are refused: the CSR's own failure must still hide it.
    {
      base: { issuerId: ISSUER, validity: { type: "DAY", value: 1 }, keyAlgorithm: "EC256" },
      bad: { csrPem: `csr ${MARKER}` },
    },
  ],
  CertificateBundle: [{ base: { certificateId: ISSUER, type: "NGINX" }, bad: { password: `no spaces ${MARKER}` } }],
  ScmCertificateBundle: [],
  MigrationTaskCertKey: [],
  Revocation: [],
};

describe("check hides every secret input's value", () => {
  it.each(RESOURCE_TYPES)("%s: the cases cover exactly its secret inputs", (type) => {
    const covered = new Set(CASES[type].flatMap((c) => Object.keys(c.bad)));
    expect([...covered].sort()).toEqual(secretInputs(type));
  });

  it.each(RESOURCE_TYPES.flatMap((type) => CASES[type].map((c, i) => [type, i, c] as const)))(
    "%s, case %i: refused, named, never echoed",
    async (type, _i, { base, bad }) => {
      const handlers = declarationOf(type)?.handlers(handlerContext());
      const result = await handlers?.check({}, { ...base, ...bad });
      const failures = result?.failures ?? [];
      for (const name of Object.keys(bad)) {
        // Named in the reason, never as the property whose value the engine prints.
        expect(failures.some((f) => f.property === "" && f.reason.startsWith(`${name} `))).toBe(true);
        expect(failures.filter((f) => f.property.split(/[.[]/)[0] === name)).toEqual([]);
      }
      expect(JSON.stringify(failures)).not.toContain(MARKER);
    },
  );
});
