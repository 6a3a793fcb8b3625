// The smallest dynamic resource there is: proves that the engine, the dynamic-provider host and
// closure serialization work on this machine before any CCM code is involved.
import * as pulumi from "@pulumi/pulumi";

interface EchoInputs {
  message: string;
}
interface EchoOutputs extends EchoInputs {
  length: number;
  secretValue: string;
}

// The secret is made by the provider, not passed in: only additionalSecretOutputs can protect it.
const echo = (inputs: EchoInputs): EchoOutputs => ({
  message: inputs.message,
  length: inputs.message.length,
  secretValue: `s3cr3t-${inputs.message}`,
});

const echoProvider: pulumi.dynamic.ResourceProvider<EchoInputs, EchoOutputs> = {
  async create(inputs) {
    return { id: `echo-${inputs.message}`, outs: echo(inputs) };
  },
  async diff(_id, olds, news) {
    const changed = olds.message !== news.message;
    return { changes: changed, replaces: changed ? ["message"] : [] };
  },
  async update(_id, _olds, news) {
    return { outs: echo(news) };
  },
  async read(id, props) {
    return { id, props };
  },
};

class Echo extends pulumi.dynamic.Resource {
  declare readonly message: pulumi.Output<string>;
  declare readonly length: pulumi.Output<number>;
  declare readonly secretValue: pulumi.Output<string>;
  constructor(name: string, message: string, opts?: pulumi.CustomResourceOptions) {
    super(
      echoProvider,
      name,
      { message, secretValue: undefined, length: undefined },
      { ...opts, additionalSecretOutputs: ["secretValue"] },
      "ccm-smoke",
      "Echo",
    );
  }
}

const config = new pulumi.Config();
const resource = new Echo("echo", config.get("message") ?? "hello");

export const message = resource.message;
export const length = resource.length;
export const secretValue = resource.secretValue;
