// The serialized provider: what Pulumi writes into state as `__provider` for every resource of this
// package. It must stay tiny, capture nothing but the resource type name, and work unchanged with
// every later version of the package: each method loads the package's runtime entry from the
// program's node_modules when the engine calls it, and forwards the call. Changing this text
// changes the state of every user, so the calling convention below is frozen (protocol 1):
//   require("pulumi-huaweicloud-ccm/runtime").dispatch(type, method, args)
import type * as pulumi from "@pulumi/pulumi";

export type ResourceTypeName =
  | "PrivateCa"
  | "PrivateCertificate"
  | "IntermediateCaCertificate"
  | "CertificateBundle"
  | "ScmCertificateBundle"
  | "MigrationTaskCertKey";

type Provider = pulumi.dynamic.ResourceProvider;

const cache = new Map<ResourceTypeName, Provider>();

/** One provider object per type, so Pulumi serializes it once per program (its cache is per object). */
export function shimProvider(type: ResourceTypeName): Provider {
  let provider = cache.get(type);
  if (!provider) {
    provider = makeShim(type);
    cache.set(type, provider);
  }
  return provider;
}

function makeShim(type: ResourceTypeName): Provider {
  // GOTCHA: `require` must be called inside each method. A module object captured from the outer
  // scope would be serialized by value (the whole runtime, with its dependencies, into state).
  return {
    configure: (req) => require("pulumi-huaweicloud-ccm/runtime").dispatch(type, "configure", [req.config]),
    check: (olds, news) => require("pulumi-huaweicloud-ccm/runtime").dispatch(type, "check", [olds, news]),
    diff: (id, olds, news) => require("pulumi-huaweicloud-ccm/runtime").dispatch(type, "diff", [id, olds, news]),
    create: (inputs) => require("pulumi-huaweicloud-ccm/runtime").dispatch(type, "create", [inputs]),
    read: (id, props) => require("pulumi-huaweicloud-ccm/runtime").dispatch(type, "read", [id, props]),
    update: (id, olds, news) => require("pulumi-huaweicloud-ccm/runtime").dispatch(type, "update", [id, olds, news]),
    delete: (id, props) => require("pulumi-huaweicloud-ccm/runtime").dispatch(type, "delete", [id, props]),
  };
}
