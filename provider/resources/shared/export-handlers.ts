// One shape for the resources that export material this stack does not own (CertificateBundle,
// ScmCertificateBundle, MigrationTaskCertKey): every input replaces; create exports; update (which
// diff never plans — the engine calls it only to finish a failed create) exports again, keeping the
// outputs whole; read refreshes without churning material that did not change; delete is a no-op,
// because an export creates nothing on the service and the source belongs to its own owner.
import type { z } from "zod";
import type { CcmClient } from "../../client/index.js";
import { isNotFoundError } from "../../errors.js";
import { checkResource } from "./check.js";
import { GONE, withoutProvider } from "./common.js";
import type { HandlersOf } from "./declaration.js";
import { replacementDiff } from "./diff.js";

export interface ExportResource<S extends z.ZodObject, Outputs extends z.output<S>> {
  /** What check accepts (every property of it replaces: each is declared so). */
  inputs: S;
  /** The resource id of an export of these inputs. */
  idOf(inputs: z.output<S>): string;
  /** Exports now. */
  exportNow(api: CcmClient, inputs: z.output<S>): Promise<Outputs>;
  /** A refresh of `stored`: the outputs to keep, or undefined when the source is gone. */
  refresh(api: CcmClient, stored: Outputs): Promise<Outputs | undefined>;
}

export function exportHandlers<S extends z.ZodObject, Outputs extends z.output<S>>(
  resource: ExportResource<S, Outputs>,
): HandlersOf<z.output<S>, Outputs> {
  return (context, declared) => ({
    async check(_olds, news) {
      return checkResource(declared, resource.inputs, news);
    },
    async diff(_id, olds, news) {
      return replacementDiff(declared.diffPlan, olds, news);
    },
    async create(inputs) {
      const args = withoutProvider(inputs) as z.output<S>;
      return { id: resource.idOf(args), outs: await resource.exportNow(context.client, args) };
    },
    async read(id, props) {
      if (!props) return GONE;
      const fresh = await resource.refresh(context.client, withoutProvider(props) as Outputs);
      return fresh ? { id, props: fresh } : GONE;
    },
    async update(_id, _olds, news) {
      return { outs: await resource.exportNow(context.client, withoutProvider(news) as z.output<S>) };
    },
    async delete() {
      // NO-OP: an export creates nothing; Pulumi only forgets the exported copy.
    },
  });
}

/**
 * A refresh by exporting again: undefined when the source is gone (a not-found), else the stored
 * outputs when the `same` properties agree — so a refresh of unchanged material reports no change,
 * though keys and keystores differ at every export — or the new export.
 */
export async function exportAgain<Outputs>(
  exportNow: () => Promise<Outputs>,
  stored: Outputs,
  same: readonly (keyof Outputs)[],
): Promise<Outputs | undefined> {
  let fresh: Outputs;
  try {
    fresh = await exportNow();
  } catch (error) {
    if (isNotFoundError(error)) return undefined;
    throw error;
  }
  return same.every((key) => fresh[key] === stored[key]) ? stored : fresh;
}
