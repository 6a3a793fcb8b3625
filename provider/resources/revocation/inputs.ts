// Revocation's inputs: the zod schema check enforces, the rule that exactly one target is named,
// and the outputs the handlers store. Kept apart from the handlers so the declaration, the
// handlers and the tests read one definition.
import { z } from "zod";
import type { CheckFailure } from "../../kernel/handlers.js";
import { ccmId, revocationReasonArg } from "../../schemas/certificate.js";
import type { RevocationReason } from "../../schemas/enums.js";

export const revocationInputs = z.strictObject({
  certificateId: ccmId.optional(),
  caId: ccmId.optional(),
  reason: revocationReasonArg.default("UNSPECIFIED"),
});

export type RevocationInputs = z.output<typeof revocationInputs>;

/** What was revoked: CCM keeps certificates and CAs apart (different ids, different calls). */
export type TargetKind = "CERTIFICATE" | "CA";

export interface RevocationOutputs extends RevocationInputs {
  targetKind: TargetKind;
  status: string;
  commonName?: string;
  serialNumber?: string;
  alreadyRevoked: boolean;
  /** The reason this resource's revocation sent (CCM keeps it); absent when it revoked nothing. */
  revokedWithReason?: RevocationReason;
}

const TARGET_PROPERTIES = ["certificateId", "caId"] as const;

/**
 * Exactly one target. A value unknown at preview (another resource's output) counts as given: it
 * will be an id by the time up runs, and check then sees it again.
 */
export function targetFailures(inputs: Record<string, unknown>): CheckFailure[] {
  const given = TARGET_PROPERTIES.filter((key) => inputs[key] !== undefined && inputs[key] !== null);
  if (given.length === 1) return [];
  if (given.length === 0) {
    return [
      {
        property: "certificateId",
        reason: "either certificateId (a private certificate) or caId (a SUBORDINATE CA) is required",
      },
    ];
  }
  return [
    {
      property: "caId",
      reason: "give certificateId or caId, not both: one Revocation revokes one certificate or one CA",
    },
  ];
}

/** The target's kind, as the inputs name it. */
export function targetKindOf(inputs: Pick<RevocationInputs, "certificateId" | "caId">): TargetKind {
  return inputs.certificateId !== undefined ? "CERTIFICATE" : "CA";
}

/** The target's id, as the inputs name it. */
export function targetIdOf(inputs: Pick<RevocationInputs, "certificateId" | "caId">): string {
  return inputs.certificateId ?? inputs.caId ?? "";
}
