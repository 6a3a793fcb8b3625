// The serialized provider: what Pulumi writes into state as `__provider` for every resource of this
// package, twice (inputs and outputs). It must stay tiny, capture nothing but the resource type
// name, and work unchanged with every later version of the package: the runtime entry it names is
// loaded from the program's node_modules when the engine first calls it. Changing this text
// changes the state of every user, so both calling conventions ever written are frozen:
//   protocol 1 (≤ 0.1.0, ~2.4 KB a copy): seven methods, each
//     require("pulumi-huaweicloud-ccm/runtime").dispatch(type, method, args)
//   protocol 2 (this one, ~0.6 KB a copy): one method, configure, which hands the provider object
//     to require("pulumi-huaweicloud-ccm/runtime").attach(provider, type, request); attach stores
//     the stack config and gives the object its check · diff · create · read · update · delete.
// Pulumi's function serializer wraps every function it stores in ~250 bytes of scaffolding, so the
// size is the number of functions: one is the least a provider that must reach the runtime can
// have. test/resources/provider-upgrade.e2e.test.ts proves the runtime serves both protocols.
import type * as pulumi from "@pulumi/pulumi";

/** A resource type name (a declaration's `name`): the one thing a shim captures. */
type ResourceTypeName = string;

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
  const shim: Pick<Provider, "configure"> = {
    // GOTCHA: the dynamic-provider host deserializes a provider once per distinct `__provider` text
    // and calls its `configure` before anything else (getProvider in @pulumi/pulumi's
    // cmd/dynamic-provider), then looks the other methods up on the same object at every call:
    // so configure can install them. `require` is called inside the method: a module captured from
    // the outer scope would be serialized by value (the whole runtime, dependencies and all).
    configure(req) {
      return require("pulumi-huaweicloud-ccm/runtime").attach(this, type, req);
    },
  };
  // The other methods exist only in the host, after configure: the engine never sees this object
  // without them, but dynamic.Resource's type insists on `create`.
  return shim as Provider;
}
