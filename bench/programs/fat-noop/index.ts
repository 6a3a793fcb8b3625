// The bench's equal-work floor: N pairs of no-op dynamic resources whose inputs and outputs are a
// copy of a real PrivateCertificate + CertificateBundle pair (same keys, same sizes, the same
// secret outputs, so the engine stores, encrypts and sends as much), the second taking the first's
// id. bench/provider.mjs samples that pair from a deployed ../certificates stack and hands it over
// in a JSON file (config `sample`, env CCM_BENCH_FAT_SAMPLE for the provider host). The difference
// between ../certificates and this program is what this package's provider itself costs.
import { readFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";

interface SampledResource {
  /** The resource's inputs and outputs without `__provider`, secrets in plaintext. */
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  secretInputs: string[];
  secretOutputs: string[];
}
interface Sample {
  certificate: SampledResource;
  bundle: SampledResource;
}

type Kind = keyof Sample;
type FatInputs = Record<string, unknown> & { fatName: string };

// NO-OP: create returns the sampled outputs (read from the file in the provider host: captured
// here, they would be serialized into every `__provider`) with the resource's own inputs over them.
// Without diff/update/delete the engine diffs inputs itself and deleting needs no call. The method
// holds no comment: its text is what `__provider` stores. GOTCHA: node:fs is imported inside the
// method; a module captured from the program would be serialized.
function fatProvider(kind: Kind): pulumi.dynamic.ResourceProvider<FatInputs, FatInputs> {
  return {
    async create(inputs) {
      const fs = await import("node:fs");
      const sample = JSON.parse(fs.readFileSync(String(process.env.CCM_BENCH_FAT_SAMPLE), "utf8")) as Sample;
      return { id: `fat-${inputs.fatName}`, outs: { ...sample[kind].outputs, ...inputs } };
    },
  };
}
const providers = { certificate: fatProvider("certificate"), bundle: fatProvider("bundle") };

class FatNoop extends pulumi.dynamic.Resource {
  constructor(kind: Kind, sampled: SampledResource, name: string, inputs: Record<string, unknown>) {
    // Every output is named in props (undefined until the engine fills it), as this package's
    // classes do so that the SDK exposes them: the program then does the same work per output.
    const declared = Object.fromEntries(Object.keys(sampled.outputs).map((key) => [key, undefined]));
    const props: Record<string, unknown> = { ...declared, ...inputs, fatName: name };
    for (const key of sampled.secretInputs) if (key in props) props[key] = pulumi.secret(props[key]);
    super(providers[kind], name, props, { additionalSecretOutputs: sampled.secretOutputs }, "ccm-bench", "FatNoop");
  }
}

const config = new pulumi.Config();
const pairs = config.requireNumber("pairs");
const sample = JSON.parse(readFileSync(config.require("sample"), "utf8")) as Sample;

for (let i = 0; i < pairs; i++) {
  const first = new FatNoop("certificate", sample.certificate, `first-${i}`, sample.certificate.inputs);
  // The bundle's reference to its certificate becomes a reference to the first resource's id.
  new FatNoop("bundle", sample.bundle, `second-${i}`, { ...sample.bundle.inputs, certificateId: first.id });
}

export const count = pairs;
