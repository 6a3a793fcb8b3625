// A user's program unit-tested with the SDK's mocks (pulumi.runtime.setMocks), no engine: our
// resources construct, the derived fullChainPem is computed from what the mock returns, and a mock
// that returns no certificate leaves it absent instead of failing the test run with a rejection.
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { CertificateBundle } from "../../provider/resources/certificate-bundle.js";
import { PrivateCertificate } from "../../provider/resources/private-certificate.js";
import { ScmCertificateBundle } from "../../provider/resources/scm-certificate-bundle.js";

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

function resolvedValue<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

// A derivation that threw would leave its Output unresolved: fail fast rather than at the suite's timeout.
const QUICK = 10_000;

describe("our resources under the SDK's mocks", () => {
  const certificate = new PrivateCertificate("app", {
    issuerId: "2cb2878b-6cd1-460d-bd25-afe655159bdc",
    keyAlgorithm: "EC256",
    signatureAlgorithm: "SHA256",
    distinguishedName: { commonName: "app.example" },
    validity: { type: "DAY", value: 30 },
  });

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
