// Our resource classes in a program, through the SDK's mocks (pulumi.runtime.setMocks): the real
// Resource constructor, no engine — as in a user's unit tests.
// - The derived fullChainPem is computed from what the mock returns; a mock that returns no
//   certificate leaves it absent instead of failing the test run with a rejection.
// - While one of our resources registers, Errors capture no frames (the SDK formats a stack for each
//   of four promises per property, for a leak report only; provider/resources/shared/source-position.ts),
//   and everything is put back afterwards — also when the SDK's constructor throws, whose error
//   then carries the stack of the program's `new` rather than none.
import * as pulumi from "@pulumi/pulumi";
import { afterEach, describe, expect, it } from "vitest";
import { CertificateBundle } from "../../provider/resources/certificate-bundle/certificate-bundle.js";
import { PrivateCertificate } from "../../provider/resources/private-certificate/private-certificate.js";
import { ScmCertificateBundle } from "../../provider/resources/scm-certificate-bundle/scm-certificate-bundle.js";

const block = (body: string) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
const LEAF = block("TEVBRg==");
const ISSUER = block("SVNTVUVS");

// Before any resource is made: a resource made without them would wait for an engine forever.
pulumi.runtime.setMocks(
  {
    newResource: ({ name, inputs }) => ({
      id: `${name}-id`,
      // What a user's mock might return: PEMs for the bundles named "with-pems", nothing else.
      state: name.endsWith("with-pems") ? { ...inputs, certificatePem: LEAF, certificateChainPem: ISSUER } : inputs,
    }),
    call: () => ({}),
  },
  "project",
  "stack",
  false,
);

const CERTIFICATE_ARGS = {
  issuerId: "2cb2878b-6cd1-460d-bd25-afe655159bdc",
  keyAlgorithm: "EC256",
  signatureAlgorithm: "SHA256",
  distinguishedName: { commonName: "app.example" },
  validity: { type: "DAY", value: 30 },
} as const;

const limitBefore = Error.stackTraceLimit;
const hookBefore = Error.prepareStackTrace;
afterEach(() => {
  expect(Error.stackTraceLimit).toBe(limitBefore);
  expect(Error.prepareStackTrace).toBe(hookBefore);
});

function resolvedValue<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

// A derivation that threw would leave its Output unresolved: fail fast rather than at the suite's timeout.
const QUICK = 10_000;

describe("our resources under the SDK's mocks", () => {
  const certificate = new PrivateCertificate("app", CERTIFICATE_ARGS);

  it("derive fullChainPem, secret, from the PEMs the mock returns", { timeout: QUICK }, async () => {
    for (const bundle of [
      new CertificateBundle("nginx-with-pems", { certificateId: certificate.certificateId, type: "NGINX" }),
      new ScmCertificateBundle("scm-with-pems", { certificateId: "scs1554192131150" }),
    ]) {
      expect(await resolvedValue(bundle.fullChainPem)).toBe(`${LEAF}${ISSUER}`);
      expect(await pulumi.isSecret(bundle.fullChainPem)).toBe(true);
    }
  });

  it("leave fullChainPem absent when the mock returns no certificate", { timeout: QUICK }, async () => {
    const bundle = new CertificateBundle("nginx", { certificateId: certificate.certificateId, type: "NGINX" });
    expect(await resolvedValue(bundle.certificateId)).toBe(await resolvedValue(certificate.certificateId));
    expect(await resolvedValue(bundle.fullChainPem)).toBeUndefined();
  });
});

describe("stack traces while a resource registers", () => {
  it("are not captured inside the SDK's constructor, and the limit and hook are put back", () => {
    const seen: number[] = [];
    // A transformation runs inside the SDK's Resource constructor, where the promises are made.
    const observe = () => {
      seen.push(Error.stackTraceLimit);
      return undefined;
    };
    const certificate = new PrivateCertificate("stacks", CERTIFICATE_ARGS, { transformations: [observe] });
    new CertificateBundle(
      "stacks-nginx",
      { certificateId: certificate.certificateId, type: "NGINX" },
      {
        transformations: [observe],
      },
    );
    expect(seen).toEqual([0, 0]);
    expect(limitBefore).toBeGreaterThan(0);
  });

  it("an error the SDK throws carries the stack of the program's `new`", () => {
    let thrown: unknown;
    try {
      new PrivateCertificate("", CERTIFICATE_ARGS);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    const stack = (thrown as Error).stack ?? "";
    expect(stack).toContain("Missing resource name");
    const frames = stack.split("\n").filter((line) => line.trimStart().startsWith("at "));
    expect(frames[0]).toContain("mocks.test.ts");
    expect(frames.join("\n")).not.toMatch(/provider[\\/]resources[\\/]/);
  });
});
