// While one of our resources registers, Errors capture no frames (the SDK formats a stack for each of
// four promises per property, for a leak report only; provider/resources/source-position.ts), and
// everything is put back afterwards — also when the SDK's constructor throws, whose error then
// carries the stack of the program's `new` rather than none. Through the SDK's mocks: the real
// Resource constructor, no engine.
import * as pulumi from "@pulumi/pulumi";
import { afterEach, describe, expect, it } from "vitest";
import { CertificateBundle } from "../../provider/resources/certificate-bundle.js";
import { PrivateCertificate } from "../../provider/resources/private-certificate.js";

const ARGS = {
  issuerId: "2cb2878b-6cd1-460d-bd25-afe655159bdc",
  keyAlgorithm: "EC256",
  signatureAlgorithm: "SHA256",
  distinguishedName: { commonName: "stacks.example" },
  validity: { type: "DAY", value: 30 },
} as const;

// Before any resource is made: a resource made without them would wait for an engine forever.
pulumi.runtime.setMocks(
  { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: () => ({}) },
  "project",
  "stack",
  false,
);

const limitBefore = Error.stackTraceLimit;
const hookBefore = Error.prepareStackTrace;
afterEach(() => {
  expect(Error.stackTraceLimit).toBe(limitBefore);
  expect(Error.prepareStackTrace).toBe(hookBefore);
});

describe("stack traces while a resource registers", () => {
  it("are not captured inside the SDK's constructor, and the limit and hook are put back", () => {
    const seen: number[] = [];
    // A transformation runs inside the SDK's Resource constructor, where the promises are made.
    const observe = () => {
      seen.push(Error.stackTraceLimit);
      return undefined;
    };
    const certificate = new PrivateCertificate("stacks", ARGS, { transformations: [observe] });
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
      new PrivateCertificate("", ARGS);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    const stack = (thrown as Error).stack ?? "";
    expect(stack).toContain("Missing resource name");
    const frames = stack.split("\n").filter((line) => line.trimStart().startsWith("at "));
    expect(frames[0]).toContain("registration-stacks.test.ts");
    expect(frames.join("\n")).not.toMatch(/provider[\\/]resources[\\/]/);
  });
});
