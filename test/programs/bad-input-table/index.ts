// The standing bad-input table's program: stack config `resources` is a JSON list of
// { type, name, args }, each built as given — JavaScript-style, untyped, so that values the
// TypeScript types would reject (typos, wrong types) reach `check` as a user's would. The string
// "NaN" as a number-typed value stands for NaN, which JSON cannot carry.
import * as pulumi from "@pulumi/pulumi";
import {
  CertificateBundle,
  IntermediateCaCertificate,
  MigrationTaskCertKey,
  PrivateCa,
  PrivateCertificate,
  Revocation,
  ScmCertificateBundle,
} from "pulumi-huaweicloud-ccm";

interface Declared {
  type: string;
  name: string;
  args: Record<string, unknown>;
}

const builders: Record<string, (name: string, args: never) => unknown> = {
  PrivateCa: (name, args) => new PrivateCa(name, args),
  PrivateCertificate: (name, args) => new PrivateCertificate(name, args),
  IntermediateCaCertificate: (name, args) => new IntermediateCaCertificate(name, args),
  CertificateBundle: (name, args) => new CertificateBundle(name, args),
  ScmCertificateBundle: (name, args) => new ScmCertificateBundle(name, args),
  MigrationTaskCertKey: (name, args) => new MigrationTaskCertKey(name, args),
  Revocation: (name, args) => new Revocation(name, args),
};

function revive(value: unknown): unknown {
  if (value === "__NaN__") return Number.NaN;
  if (Array.isArray(value)) return value.map(revive);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

for (const declared of new pulumi.Config().requireObject<Declared[]>("resources")) {
  const build = builders[declared.type];
  if (!build) throw new Error(`unknown resource type ${declared.type}`);
  build(declared.name, revive(declared.args) as never);
}
