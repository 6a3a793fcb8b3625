// Failures found on this side, with no failed request behind them: configuration that is missing
// or malformed, arguments refused before anything was sent, content that does not decode (an
// export archive, a certificate or CSR), and a wait for a status that ran out of time. Each names
// what to fix, since there is no request id to give to support.
import { CcmError } from "./errors-base.js";

/** Configuration is missing or malformed; `looked` lists every place that was searched. */
export class CcmConfigError extends CcmError<"ERR_CCM_CONFIG"> {
  readonly looked: readonly string[];
  constructor(message: string, looked: readonly string[] = []) {
    super("ERR_CCM_CONFIG", message);
    this.looked = looked;
  }
}

/** Arguments failed validation before anything was sent. */
export class CcmInvalidArgumentError extends CcmError<"ERR_CCM_INVALID_ARGUMENT"> {
  readonly issues: readonly string[];
  constructor(what: string, issues: readonly string[]) {
    super("ERR_CCM_INVALID_ARGUMENT", `invalid ${what}: ${issues.join("; ")}`);
    this.issues = issues;
  }
}

/** A compressed export did not contain the files the docs list for its type. */
export class CcmExportFormatError extends CcmError<"ERR_CCM_EXPORT_FORMAT"> {
  readonly fileNames: readonly string[];
  constructor(message: string, fileNames: readonly string[]) {
    super("ERR_CCM_EXPORT_FORMAT", `${message} (archive holds: ${fileNames.join(", ") || "nothing"})`);
    this.fileNames = fileNames;
  }
}

/** A wait for a state did not finish before its deadline. */
export class CcmWaitTimeoutError extends CcmError<"ERR_CCM_WAIT_TIMEOUT"> {
  readonly resourceId: string;
  readonly wanted: readonly string[];
  readonly lastStatus: string | undefined;
  constructor(what: string, resourceId: string, wanted: readonly string[], lastStatus: string | undefined, ms: number) {
    super(
      "ERR_CCM_WAIT_TIMEOUT",
      `${what} ${resourceId} did not reach ${wanted.join(" or ")} within ${ms} ms (last status: ${lastStatus ?? "unknown"})`,
    );
    this.resourceId = resourceId;
    this.wanted = wanted;
    this.lastStatus = lastStatus;
  }
}

/** A certificate or certificate request (from the service, or given to a helper) that cannot be
 * decoded: no such PEM block, or DER that does not have the X.509 / PKCS#10 shape. */
export class CcmDecodeError extends CcmError<"ERR_CCM_DECODE"> {
  constructor(message: string) {
    super("ERR_CCM_DECODE", message);
  }
}

/** A lookup found nothing, several objects where it wanted one, or more than its bound lets it
 * read; `candidates` names what it found (ids), so the user can narrow the filters. */
export class CcmLookupError extends CcmError<"ERR_CCM_LOOKUP"> {
  readonly candidates: readonly string[];
  constructor(message: string, candidates: readonly string[] = []) {
    super("ERR_CCM_LOOKUP", message);
    this.candidates = candidates;
  }
}
