// What a user can do when a create's outcome is uncertain, said for a dynamic provider: nothing
// is recorded in the stack when a create fails, `pulumi import` does not work for dynamic
// resources (pulumi/pulumi#16175), and `<Class>.get(name, id)` does (read-only; destroy leaves it).
// The client's errors name the candidates; this adds the steps that work with Pulumi.
import { CcmCreateAmbiguousError, CcmCreateOutcomeUnknownError, isCcmError } from "../../errors.js";
import type { HandlerLog } from "../../kernel/context.js";

/** Where the user checks and deletes an object by hand: the resource's class and the API path. */
export interface CreateSubject {
  /** e.g. "PrivateCertificate" */
  readonly className: string;
  /** e.g. "/v1/private-certificates" */
  readonly apiPath: string;
}

/** An error whose message says what is uncertain and exactly how to proceed. */
export class UncertainCreateError extends Error {
  readonly code: string;
  readonly candidateIds: readonly string[];
  constructor(cause: CcmCreateAmbiguousError | CcmCreateOutcomeUnknownError, advice: string) {
    super(`${cause.message}. Nothing was recorded in the stack. ${advice}`, { cause });
    this.name = "UncertainCreateError";
    this.code = cause.code;
    this.candidateIds = cause.candidateIds;
  }
}

/** The error to throw for a failed create: uncertain outcomes get their next steps, others pass. */
export function explainUncertainCreate(error: unknown, subject: CreateSubject): unknown {
  if (!isCcmError(error)) return error;
  const ids =
    error instanceof CcmCreateAmbiguousError || error instanceof CcmCreateOutcomeUnknownError ? error : undefined;
  if (!ids) return error;
  const { className, apiPath } = subject;
  const keep =
    `to keep one instead, replace this resource in the program with ${className}.get("<name>", "<id>") ` +
    "(read-only: `pulumi destroy` leaves it in place; dynamic providers cannot `pulumi import`)";
  if (ids.candidateIds.length > 0) {
    const list = ids.candidateIds.join(", ");
    const verb = ids instanceof CcmCreateAmbiguousError ? "one of them was made by this step" : "any of them may be";
    return new UncertainCreateError(
      ids,
      `To proceed: ${verb}; check ${list} (GET ${apiPath}/<id>, or the console), delete those no one uses ` +
        `(DELETE ${apiPath}/<id>), then run \`pulumi up\` again, which issues a fresh one; ${keep}.`,
    );
  }
  return new UncertainCreateError(
    ids,
    `To proceed: list them (GET ${apiPath}?name=<common name>, or the console) and delete any this step made in ` +
      `the last minutes (DELETE ${apiPath}/<id>), then run \`pulumi up\` again; ${keep}.`,
  );
}

/** Tells the user, in the `pulumi up` output, about look-alikes that may be duplicates. */
export async function warnSuspectedDuplicates(
  log: HandlerLog,
  subject: CreateSubject,
  what: string,
  heldId: string,
  suspects: readonly string[],
): Promise<void> {
  if (suspects.length === 0) return;
  await log.warn(
    `${subject.className} ${what} holds ${heldId}; its first request's response was lost and it was re-sent, ` +
      `and meanwhile ${suspects.join(", ")} appeared, matching the same request and held by no resource: ` +
      `suspected duplicates (also in the suspectedDuplicateIds output). Check them (GET ${subject.apiPath}/<id>) ` +
      `and delete those no one uses (DELETE ${subject.apiPath}/<id>).`,
  );
}
