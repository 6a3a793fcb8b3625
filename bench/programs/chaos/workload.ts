// The chaos workload's resources as plain inputs, shared by its TypeScript program (index.ts) and
// its YAML twin (bench/lib/chaos-yaml.mjs), so the two front ends are audited on the same work.
// Each front end passes the outputs one resource takes from another in its own form.
import type { PrivateCaArgs, PrivateCertificateArgs } from "pulumi-huaweicloud-ccm";
import { leafCertificateArgs } from "../certificates/leaf.ts";

const ORGANISATION = { country: "CN", state: "Sichuan", locality: "Chengdu", organization: "Chaos Corp" };
/** A chaos CA's distinguished name: the organisational unit is the run's label. */
const chaosName = (commonName: string, label: string) => ({ commonName, ...ORGANISATION, organizationalUnit: label });

/** The root of the chain the stack creates for itself. */
export function rootCaArgs(label: string) {
  return {
    type: "ROOT",
    distinguishedName: chaosName(`${label} Root CA`, label),
    keyAlgorithm: "EC256",
    signatureAlgorithm: "SHA256",
    validity: { type: "YEAR", value: 5 },
  } satisfies PrivateCaArgs;
}

/** The issuing CA under the root (`rootCaId`), which issues every certificate. */
export function issuingCaArgs(label: string, rootCaId: PrivateCaArgs["issuerId"]) {
  return {
    type: "SUBORDINATE",
    issuerId: rootCaId,
    distinguishedName: chaosName(`${label} Issuing CA`, label),
    keyAlgorithm: "EC256",
    signatureAlgorithm: "SHA256",
    validity: { type: "YEAR", value: 2 },
    pathLength: 0,
  } satisfies PrivateCaArgs;
}

/** The `i`th certificate: its own common name, so a duplicate shows in the emulator's inventory. */
export function chaosCertificateArgs(label: string, i: number, issuerId: PrivateCertificateArgs["issuerId"]) {
  return { ...leafCertificateArgs(issuerId, `svc-${i}.${label}.example`), revokeOnDelete: "SUPERSEDED" } as const;
}
