// The typed source of each resource holds at compile time (`npm test` runs tsc over the tests
// first): a property forgotten in a class's PROPERTIES, a public arg check does not know, or a
// declared output the handler does not store is a type error. Each `@ts-expect-error` below fails
// the type check the day the mistake it shows starts compiling.
import type * as pulumi from "@pulumi/pulumi";
import { describe, expectTypeOf, it } from "vitest";
import type { DeclaredOutputs, PropertyKinds } from "../../provider/resources/shared/ccm-resource.js";
import type {
  MigrationTaskCertKeyInputs,
  MigrationTaskCertKeyOutputs,
} from "../../provider/resources/migration-task-cert-key/handlers.js";
import type { MigrationTaskCertKeyArgs } from "../../provider/resources/migration-task-cert-key/migration-task-cert-key.js";

type Kinds = PropertyKinds<MigrationTaskCertKeyArgs, MigrationTaskCertKeyInputs, MigrationTaskCertKeyOutputs>;

describe("one typed source per resource", () => {
  it("PROPERTIES must name every input and output, each as what it is", () => {
    expectTypeOf<keyof Kinds>().toEqualTypeOf<keyof MigrationTaskCertKeyOutputs>();
    expectTypeOf<Kinds["taskId"]>().toEqualTypeOf<"input">();
    expectTypeOf<Kinds["certPem"]>().toEqualTypeOf<"output" | "resource id">();
    // @ts-expect-error caPem (an output) is missing
    const missing: Kinds = {
      taskId: "input",
      enableCaCert: "input",
      certPem: "output",
      privateKeyPem: "output",
      targetMgmtCertPem: "output",
      targetMgmtPrivateKeyPem: "output",
      targetDataCertPem: "output",
      targetDataPrivateKeyPem: "output",
    };
    expectTypeOf(missing).toEqualTypeOf<Kinds>();
  });

  it("a public arg the handler's Inputs lack cannot be named", () => {
    type Widened = PropertyKinds<
      MigrationTaskCertKeyArgs & { region?: pulumi.Input<string> },
      MigrationTaskCertKeyInputs,
      MigrationTaskCertKeyOutputs
    >;
    expectTypeOf<Widened["region"]>().toBeNever();
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
