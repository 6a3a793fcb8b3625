// The typed source of each resource holds at compile time (`npm test` runs tsc over the tests
// first): a public Args interface and the declaration's zod inputs name the same properties, a
// declaration describes every output its handlers store, and a class's declared outputs are
// among them. Each `@ts-expect-error` below fails the type check the day the mistake it shows
// starts compiling.
import type * as pulumi from "@pulumi/pulumi";
import { describe, expectTypeOf, it } from "vitest";
import type { CertificateBundleArgs } from "../../provider/resources/certificate-bundle/declaration.js";
import type { CertificateBundleInputs } from "../../provider/resources/certificate-bundle/handlers.js";
import type { IntermediateCaCertificateArgs } from "../../provider/resources/intermediate-ca-certificate/declaration.js";
import type { IntermediateCaCertificateInputs } from "../../provider/resources/intermediate-ca-certificate/handlers.js";
import type { MigrationTaskCertKeyArgs } from "../../provider/resources/migration-task-cert-key/declaration.js";
import {
  type MigrationTaskCertKeyInputs,
  type MigrationTaskCertKeyOutputs,
  migrationTaskCertKeyHandlers,
  migrationTaskCertKeyInputs,
} from "../../provider/resources/migration-task-cert-key/handlers.js";
import type { PrivateCaArgs } from "../../provider/resources/private-ca/declaration.js";
import type { PrivateCaInputs } from "../../provider/resources/private-ca/inputs.js";
import type { PrivateCertificateArgs } from "../../provider/resources/private-certificate/declaration.js";
import type { PrivateCertificateInputs } from "../../provider/resources/private-certificate/inputs.js";
import type { RevocationArgs } from "../../provider/resources/revocation/declaration.js";
import type { RevocationInputs } from "../../provider/resources/revocation/inputs.js";
import type { ScmCertificateBundleArgs } from "../../provider/resources/scm-certificate-bundle/declaration.js";
import type { ScmCertificateBundleInputs } from "../../provider/resources/scm-certificate-bundle/handlers.js";
import type { DeclaredOutputs } from "../../provider/resources/shared/ccm-resource.js";
import { defineResource } from "../../provider/resources/shared/declaration.js";

describe("one typed source per resource", () => {
  it("each public Args interface names exactly the inputs check accepts", () => {
    expectTypeOf<keyof PrivateCaArgs>().toEqualTypeOf<keyof PrivateCaInputs>();
    expectTypeOf<keyof PrivateCertificateArgs>().toEqualTypeOf<keyof PrivateCertificateInputs>();
    expectTypeOf<keyof IntermediateCaCertificateArgs>().toEqualTypeOf<keyof IntermediateCaCertificateInputs>();
    expectTypeOf<keyof CertificateBundleArgs>().toEqualTypeOf<keyof CertificateBundleInputs>();
    expectTypeOf<keyof ScmCertificateBundleArgs>().toEqualTypeOf<keyof ScmCertificateBundleInputs>();
    expectTypeOf<keyof MigrationTaskCertKeyArgs>().toEqualTypeOf<keyof MigrationTaskCertKeyInputs>();
    expectTypeOf<keyof RevocationArgs>().toEqualTypeOf<keyof RevocationInputs>();
  });

  it("a declaration must say what each input's change does and describe every stored output", () => {
    const text = { type: "string", description: "d" } as const;
    defineResource<typeof migrationTaskCertKeyInputs, MigrationTaskCertKeyOutputs, "Probe">({
      name: "Probe",
      description: "d",
      inputs: migrationTaskCertKeyInputs,
      // @ts-expect-error enableCaCert is not said to replace or update
      inputFacts: { taskId: { change: "replace" } },
      // @ts-expect-error caPem (a stored output) is not described
      outputs: {
        certPem: text,
        privateKeyPem: text,
        targetMgmtCertPem: text,
        targetMgmtPrivateKeyPem: text,
        targetDataCertPem: text,
        targetDataPrivateKeyPem: text,
      },
      handlers: migrationTaskCertKeyHandlers,
    });
  });

  it("a declared output must be one of the handler's Outputs, of a type that holds its values", () => {
    interface Declared {
      certPem: pulumi.Output<string>;
      enableCaCert: pulumi.Output<string>;
      fingerprint: pulumi.Output<string>;
    }
    type Checked = DeclaredOutputs<Declared, MigrationTaskCertKeyOutputs>;
    expectTypeOf<Checked["certPem"]>().toEqualTypeOf<pulumi.Output<string>>();
    expectTypeOf<Checked["enableCaCert"]>().toBeNever();
    expectTypeOf<Checked["fingerprint"]>().toBeNever();
  });
});
