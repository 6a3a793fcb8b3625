// Revocation handlers. check and diff never call the API (a preview makes zero calls); create
// revokes the target (one already revoked is success, with a warning); read follows the target
// and takes over an existing revocation on import; update and delete make no call, because CCM
// keeps the first reason and a revocation cannot be undone.
import type { HandlerContext } from "../../kernel/context.js";
import { checkResource } from "../shared/check.js";
import { GONE, withoutProvider } from "../shared/common.js";
import type { HandlersOf } from "../shared/declaration.js";
import { changedProperties } from "../shared/diff.js";
import {
  type RevocationInputs,
  type RevocationOutputs,
  revocationInputs,
  type TargetKind,
  targetFailures,
  targetIdOf,
  targetKindOf,
} from "./inputs.js";
import { findTarget, readTarget, revokeTarget } from "./target.js";

function targetLabel(kind: TargetKind, id: string): string {
  return kind === "CERTIFICATE" ? `The certificate ${id}` : `The CA ${id}`;
}

/** A refresh: the target as CCM reports it now, with what only this resource knew kept. */
async function refresh(context: HandlerContext, id: string, stored: RevocationOutputs) {
  const facts = await readTarget(context.client, stored.targetKind ?? targetKindOf(stored), id);
  if (!facts) return GONE;
  const { commonName: _was, serialNumber: _wasToo, ...kept } = stored;
  return { id, props: { ...kept, ...facts } };
}

/**
 * `pulumi import` (or a lookup): takes over a revocation made elsewhere. The reason is left out:
 * CCM's API does not report it. A certificate must already be REVOKED; a CA's details show no
 * revocation at all, so a SUBORDINATE CA is taken on the user's word, and said so.
 */
async function takeOver(context: HandlerContext, id: string) {
  const found = await findTarget(context.client, id);
  if (!found) return GONE;
  const { caType, ...facts } = found;
  if (facts.targetKind === "CERTIFICATE" && facts.status !== "REVOKED") {
    throw new Error(
      `The certificate ${id} is ${facts.status}, not revoked: import takes over a revocation already made. ` +
        "To revoke it, declare a Revocation with certificateId and run pulumi up.",
    );
  }
  if (facts.targetKind === "CA" && caType !== "SUBORDINATE") {
    throw new Error(
      `The CA ${id} is a ${caType} CA: CCM revokes only SUBORDINATE CAs, so there is no revocation to import.`,
    );
  }
  if (facts.targetKind === "CA") {
    await context.log.warn(
      `The CA ${id} is imported as revoked without proof: CCM's CA details do not say whether a CA was revoked.`,
    );
  }
  const inputs = facts.targetKind === "CERTIFICATE" ? { certificateId: id } : { caId: id };
  // Without a reason: neither the inputs nor the outputs can say which one CCM recorded.
  const props = { ...inputs, ...facts, alreadyRevoked: true } as RevocationOutputs;
  return { id, props, inputs: inputs as RevocationInputs };
}

/** Revokes the target; one already revoked is taken as it is, with a warning (CCM keeps its first reason). */
async function revoke(context: HandlerContext, args: RevocationInputs) {
  const kind = targetKindOf(args);
  const id = targetIdOf(args);
  const { facts, alreadyRevoked } = await revokeTarget(context.client, kind, id, args.reason);
  if (alreadyRevoked) {
    await context.log.warn(
      `${targetLabel(kind, id)} was already revoked: nothing changed, and CCM keeps the reason recorded first (not necessarily ${args.reason}).`,
    );
  }
  const recorded = alreadyRevoked ? {} : { revokedWithReason: args.reason };
  return { id, outs: { ...args, ...facts, alreadyRevoked, ...recorded } };
}

export const revocationHandlers: HandlersOf<RevocationInputs, RevocationOutputs> = (context, declared) => ({
  async check(_olds, news) {
    // A program that picks one target passes null for the other (`caId: isCa ? id : null`).
    const given = Object.fromEntries(
      Object.entries(news).filter(([key, value]) => value !== null || (key !== "certificateId" && key !== "caId")),
    );
    return checkResource(declared, revocationInputs, given, targetFailures);
  },

  async diff(_id, olds, news) {
    const { replaces, updates } = changedProperties(declared.diffPlan, olds, news);
    // An imported revocation has no recorded reason (CCM does not report it): nothing to compare.
    const changed = updates.filter((key) => key !== "reason" || olds.reason !== undefined);
    return { changes: replaces.length + changed.length > 0, replaces, deleteBeforeReplace: false };
  },

  async create(inputs) {
    return revoke(context, withoutProvider(inputs) as RevocationInputs);
  },

  async read(id, props) {
    const stored = props ? (withoutProvider(props) as Partial<RevocationOutputs>) : {};
    if (stored.targetKind === undefined) return takeOver(context, id);
    return refresh(context, id, stored as RevocationOutputs);
  },

  async update(id, olds, news) {
    const args = withoutProvider(news) as RevocationInputs;
    const before = withoutProvider(olds) as RevocationOutputs;
    const kind = before.targetKind ?? targetKindOf(args);
    const kept = before.revokedWithReason ?? "the one recorded when it was first revoked";
    // No call: CCM has no way to change a revocation's reason.
    await context.log.warn(
      `${targetLabel(kind, id)} stays revoked with the reason CCM recorded first (${kept}); the new reason ${args.reason} is kept in state only.`,
    );
    // revokedWithReason stays: it is what CCM recorded.
    return { outs: { ...before, ...args } };
  },

  async delete(id, props) {
    // No call: a revocation cannot be undone.
    const kind = props.targetKind ?? targetKindOf(props);
    await context.log.warn(
      `${targetLabel(kind, id)} stays revoked: a revocation cannot be undone; only the Revocation left the stack.`,
    );
  },
});
