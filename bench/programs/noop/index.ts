// The baseline of bench/provider.mjs: the same shape as ../certificates (N pairs, the second
// resource taking the first's id as an input) with a trivial inline dynamic provider, so the
// difference between the two is what this package's provider costs over the engine's own.
import * as pulumi from "@pulumi/pulumi";

interface NoopInputs {
  name: string;
  parentId?: string;
}
type NoopArgs = { [K in keyof NoopInputs]: pulumi.Input<NoopInputs[K]> };

// NO-OP: create only echoes its inputs; without diff/update/delete the engine diffs inputs itself
// and deleting needs no call, which is the least a dynamic provider can do.
const noopProvider: pulumi.dynamic.ResourceProvider<NoopInputs, NoopInputs> = {
  async create(inputs) {
    return { id: `noop-${inputs.name}`, outs: inputs };
  },
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name: string, inputs: NoopArgs, opts?: pulumi.CustomResourceOptions) {
    super(noopProvider, name, inputs, opts, "ccm-bench", "Noop");
  }
}

const config = new pulumi.Config();
const pairs = config.requireNumber("pairs");

for (let i = 0; i < pairs; i++) {
  const name = `svc-${i}.bench.example`;
  const first = new Noop(`first-${i}`, { name });
  new Noop(`second-${i}`, { name: `${name}-bundle`, parentId: first.id });
}

export const count = pairs;
