// The rules across a CA's properties, written once: `check` of PrivateCa reports them (with every
// other failure, on the inputs as given) and the client's createCaArgs refuses the same arguments
// with the same words. Judged on plain values: nothing here knows Pulumi or the wire.
import { VALIDITY_MAX_YEARS } from "./enums.js";
import { validityLimitReason } from "./validity.js";

/** A rule broken: the property (a dotted path) and why, in a user's words. */
export interface RuleFailure {
  property: string;
  reason: string;
}

type Args = Readonly<Record<string, unknown>>;

const given = (args: Args, key: string) => args[key] !== undefined && args[key] !== null;

/** What a CA needs to be signed: by itself (a ROOT) or by issuerId inside CCM. */
const SIGNING_FIELDS = ["signatureAlgorithm", "validity"];
const IMPORT_PAIR = ["certificatePem", "certificateChainPem"];

const ROOT_REFUSALS: Readonly<Record<string, string>> = {
  issuerId: "not allowed for a ROOT CA (a root signs itself)",
  pathLength: "not allowed for a ROOT CA (the service fixes a root's path length)",
  keyUsages: "not allowed for a ROOT CA (the service always gives a root digitalSignature, keyCertSign and cRLSign)",
  certificatePem: "not allowed for a ROOT CA: only a PENDING SUBORDINATE imports a certificate signed elsewhere",
  certificateChainPem: "not allowed for a ROOT CA: only a PENDING SUBORDINATE imports a certificate signed elsewhere",
};

/** A ROOT signs itself: it needs the signing fields and takes nothing that names a signer. */
export function rootCaFailures(args: Args): RuleFailure[] {
  if (args.type !== "ROOT") return [];
  return [
    ...SIGNING_FIELDS.filter((key) => !given(args, key)).map((key) => ({
      property: key,
      reason: "is required for a ROOT CA",
    })),
    ...Object.entries(ROOT_REFUSALS)
      .filter(([key]) => given(args, key))
      .map(([key, reason]) => ({ property: key, reason })),
  ];
}

/** A SUBORDINATE with issuerId is signed inside CCM: it needs the signing fields and takes no import pair. */
export function signedInsideFailures(args: Args): RuleFailure[] {
  if (args.type !== "SUBORDINATE" || !given(args, "issuerId")) return [];
  const required =
    "is required with issuerId (a subordinate signed inside CCM); leave out issuerId to create the CA " +
    "PENDING and have its csrPem signed elsewhere";
  const unused =
    "not used with issuerId: the CA is signed inside CCM by issuerId; leave out issuerId to import a " +
    "certificate signed elsewhere";
  return [
    ...SIGNING_FIELDS.filter((key) => !given(args, key)).map((key) => ({ property: key, reason: required })),
    ...IMPORT_PAIR.filter((key) => given(args, key)).map((key) => ({ property: key, reason: unused })),
  ];
}

/** CCM imports a CA certificate together with its issuer's chain: both or neither. */
export function importPairFailures(args: Args): RuleFailure[] {
  if (args.type === "ROOT" || given(args, "certificatePem") === given(args, "certificateChainPem")) return [];
  return [
    {
      property: given(args, "certificatePem") ? "certificateChainPem" : "certificatePem",
      reason: "is required with the other: CCM imports a CA certificate together with its issuer's chain",
    },
  ];
}

/** The longest validity depends on the type: judged once the type is one the service knows. */
export function caValidityFailures(args: Args): RuleFailure[] {
  if (args.type !== "ROOT" && args.type !== "SUBORDINATE") return [];
  const maxYears = args.type === "ROOT" ? VALIDITY_MAX_YEARS.ROOT_CA : VALIDITY_MAX_YEARS.SUBORDINATE_CA;
  const reason = validityLimitReason(args.validity, maxYears);
  return reason ? [{ property: "validity.value", reason }] : [];
}

/** Every rule across a PrivateCa's properties. */
export function caRuleFailures(args: Args): RuleFailure[] {
  return [
    ...rootCaFailures(args),
    ...signedInsideFailures(args),
    ...importPairFailures(args),
    ...caValidityFailures(args),
  ];
}
