// A create that made something, or may have: the API has no idempotency token, so when a create's
// response is lost the client looks for what it made (client/create.ts) and these errors say what
// the lookup could not settle; and when a create made the object but a later step failed,
// ResourceInitError keeps the object in the stack. Each message says what the user does next.
import { CcmError } from "./errors-base.js";

export type CreatedKind = "certificate" | "CA";

/** A create's response was lost and more than one unclaimed resource matches the whole request. */
export class CcmCreateAmbiguousError extends CcmError<"ERR_CCM_CREATE_AMBIGUOUS"> {
  readonly kind: CreatedKind;
  readonly candidateIds: readonly string[];
  constructor(kind: CreatedKind, what: string, candidateIds: readonly string[]) {
    super(
      "ERR_CCM_CREATE_AMBIGUOUS",
      `the response to creating ${kind} ${what} was lost and ${candidateIds.length} unclaimed ${kind}s match the ` +
        `whole request: ${candidateIds.join(", ")}. One of them is this request's; nothing was re-sent. Keep one ` +
        "and delete the others, or pass the ids you already manage as knownIds",
    );
    this.kind = kind;
    this.candidateIds = candidateIds;
  }
}

/** A create's response was lost and the client could not establish whether it took effect. */
export class CcmCreateOutcomeUnknownError extends CcmError<"ERR_CCM_CREATE_OUTCOME_UNKNOWN"> {
  readonly kind: CreatedKind;
  /** Look-alikes that may be this request's but could not be checked; empty when none was seen. */
  readonly candidateIds: readonly string[];
  constructor(
    kind: CreatedKind,
    what: string,
    reason: string,
    options?: { cause?: unknown; candidateIds?: readonly string[] },
  ) {
    const candidateIds = options?.candidateIds ?? [];
    super(
      "ERR_CCM_CREATE_OUTCOME_UNKNOWN",
      `creating ${kind} ${what}: the outcome is unknown (${reason}); ` +
        (candidateIds.length > 0
          ? `it may be one of ${candidateIds.join(", ")}: check them before retrying, so that no duplicate is created`
          : `list the ${kind}s in the console or API before retrying, so that no duplicate is created`),
      options,
    );
    this.kind = kind;
    this.candidateIds = candidateIds;
  }
}

/**
 * Thrown when a create made the object but a later step failed (waiting, tagging, reading it
 * back). The dynamic-provider host turns an error carrying `id` into ErrorResourceInitFailed, so
 * the engine records the object in state instead of forgetting it: nothing is orphaned, and the
 * next `pulumi up` finishes the job (an update). `properties` become the recorded outputs; the
 * runtime's dispatch adds `__provider` to them, which refresh and destroy need.
 */
export class ResourceInitError extends Error {
  /** Stable, like a CcmError's. It stays a plain Error: the host reads only id, properties and reasons. */
  readonly code = "ERR_CCM_RESOURCE_INIT";
  readonly reasons: string[];
  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    what: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `${what} ${id} was created, but ${reason.replace(/\.$/, "")}. It is kept in the stack: the next \`pulumi up\` finishes it`,
      {
        cause,
      },
    );
    this.name = "ResourceInitError";
    // The engine shows the user the reasons only, never the message: they must say that the
    // object exists and what comes next, not just which step failed.
    this.reasons = [this.message];
  }
}
