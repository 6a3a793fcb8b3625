// The fat no-op's sample: one real PrivateCertificate + CertificateBundle pair from a plaintext
// export of the bench's certificate stack, as bench/programs/fat-noop reads it (same keys, sizes and
// secret outputs, so the engine stores, encrypts and sends as much).
import { TYPES } from "./provider-setup.mjs";

const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** A resource's properties without `__provider`, secrets unwrapped, and which keys were secret. */
function plaintextProps(props) {
  const values = {};
  const secrets = [];
  for (const [key, value] of Object.entries(props ?? {})) {
    if (key === "__provider") continue;
    if (value !== null && typeof value === "object" && SECRET_SIG in value) {
      secrets.push(key);
      values[key] = JSON.parse(value.plaintext);
    } else {
      values[key] = value;
    }
  }
  return { values, secrets };
}

/** One real certificate + bundle pair from a plaintext export, as bench/programs/fat-noop reads it. */
export function samplePair(state) {
  const resources = state.deployment.resources ?? [];
  const certificate = resources.find((r) => r.type === TYPES.certificate);
  const bundle = resources.find((r) => r.type === TYPES.bundle && r.inputs?.certificateId === certificate?.id);
  if (!certificate || !bundle) throw new Error("no certificate + bundle pair in the warm-up state to sample");
  const side = (resource) => {
    const inputs = plaintextProps(resource.inputs);
    const outputs = plaintextProps(resource.outputs);
    return {
      inputs: inputs.values,
      outputs: outputs.values,
      secretInputs: inputs.secrets,
      secretOutputs: outputs.secrets,
    };
  };
  return { certificate: side(certificate), bundle: side(bundle) };
}
