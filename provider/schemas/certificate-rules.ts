// The rules across a PrivateCertificate's properties, written once: its `check` reports them with
// every other failure, on the inputs as given. The longest validity is the rule the client's
// applyCertificateArgs applies too (validity.ts); a CSR-issued and a generated-key certificate are
// two API operations on the client's side, so the choice between them is a resource rule.
import type { RuleFailure } from "./ca-rules.js";
import { renewBeforeMs } from "./duration.js";
import { VALIDITY_MAX_YEARS } from "./enums.js";
import { nominalValidityMs, validityLimitReason } from "./validity.js";

type Args = Readonly<Record<string, unknown>>;

/** Fields only the generated-key mode takes; with csrPem the CSR carries key and subject. */
const GENERATED_ONLY = [
  "keyAlgorithm",
  "signatureAlgorithm",
  "distinguishedName",
  "keyUsages",
  "subjectAlternativeNames",
  "extendedKeyUsage",
  "customizedExtension",
] as const;

const GENERATED_REQUIRED = ["keyAlgorithm", "signatureAlgorithm", "distinguishedName"] as const;

const given = (args: Args, key: string) => args[key] !== undefined && args[key] !== null;

/** A certificate is issued from csrPem or from a key the service generates: one or the other. */
export function keySourceFailures(args: Args): RuleFailure[] {
  if (given(args, "csrPem")) {
    return GENERATED_ONLY.filter((key) => given(args, key)).map((key) => ({
      property: key,
      reason: "not used with csrPem: the CSR carries the key and subject",
    }));
  }
  return GENERATED_REQUIRED.filter((key) => !given(args, key)).map((key) => ({
    property: key,
    reason: "is required (unless csrPem is given)",
  }));
}

/** A renewal window as long as the validity would replace the certificate at every `up`. */
export function renewBeforeFailures(args: Args): RuleFailure[] {
  const { type, value } = (args.validity ?? {}) as { type?: unknown; value?: unknown };
  const window = renewBeforeMs(args.renewBefore);
  const lifetime = nominalValidityMs(type, value);
  if (window === undefined || lifetime === undefined || window < lifetime) return [];
  return [
    {
      property: "renewBefore",
      reason: "must be shorter than the validity, or every `pulumi up` would replace the certificate",
    },
  ];
}

/** Every rule across a PrivateCertificate's properties. */
export function certificateRuleFailures(args: Args): RuleFailure[] {
  const limit = validityLimitReason(args.validity, VALIDITY_MAX_YEARS.CERTIFICATE);
  return [
    ...keySourceFailures(args),
    ...renewBeforeFailures(args),
    ...(limit ? [{ property: "validity.value", reason: limit }] : []),
  ];
}
