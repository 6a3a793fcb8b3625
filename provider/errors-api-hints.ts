// What to do about an API error, in words, appended to its message: by the service's error code
// first (the codes the docs and the live service are known to answer with), then by HTTP status.
// A hint may name a cause it cannot be sure of; it says so rather than guess one. What an API
// error answer holds (ApiErrorDetails) is declared here, below CcmApiError, which carries it.
import type { ServiceName } from "./errors-base.js";

/** The IAM action an operation needs; `documented` is false when the name follows the pattern but
 * is not on the API page we read. */
export interface IamAction {
  readonly name: string;
  readonly documented: boolean;
}

export interface ApiErrorDetails {
  readonly service: ServiceName;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly errorCode?: string | undefined;
  readonly errorMsg?: string | undefined;
  readonly requestId?: string | undefined;
  readonly iamAction?: IamAction | undefined;
  /** Where the credentials came from (names of config keys / env vars, never values). */
  readonly credentialSources?: string | undefined;
  readonly attempts?: number | undefined;
  readonly retryAfterMs?: number | undefined;
}

export const BAD_SIGNATURE_ERROR_CODES: readonly string[] = ["APIG.0301", "APIGW.0301"];

const HINTS_BY_ERROR_CODE: Readonly<Record<string, string>> = {
  "APIG.0301":
    "the AK/SK signature was rejected: check that the secret key belongs to the access key, and that this " +
    "machine's clock is within 15 minutes of UTC (X-Sdk-Date); five failures in a row lock the access key for 5 minutes",
  "PCA.10010002": "the CA or certificate does not exist (or was deleted); check the id and the account/region",
  "PCA.00030102": "the CA or certificate does not exist (or was deleted); check the id and the account/region",
  "PCA.00030202": "the CA or certificate is frozen: only viewing is allowed; contact the account administrator",
  "PCA.10010105": "a parameter has an invalid format (often an id that is empty or not a UUID)",
  "PCA.00020201": "the CA id is not a valid UUID",
  "PCA.00030301":
    "the certificate's public key does not match: import the certificate issued for the CSR exported from this CA",
};

/** The hint for an API failure: by error code first, then by HTTP status. */
export function apiErrorHint(details: ApiErrorDetails): string | undefined {
  return hintByErrorCode(details) ?? hintByStatus(details);
}

function hintByErrorCode(details: ApiErrorDetails): string | undefined {
  const code = details.errorCode;
  const canonical = code === "APIGW.0301" ? "APIG.0301" : code;
  const hint = canonical ? HINTS_BY_ERROR_CODE[canonical] : undefined;
  if (hint && canonical === "APIG.0301" && details.credentialSources) {
    return `${hint} (credentials from ${details.credentialSources})`;
  }
  return hint;
}

function hintByStatus(details: ApiErrorDetails): string | undefined {
  if (details.status === 403) {
    const action = details.iamAction;
    const permission = action
      ? `the IAM permission ${action.name}${action.documented ? "" : " (name inferred from the action pattern)"}`
      : "the IAM permission for this operation";
    // The service also answers 403 when a CA or certificate is in a state that forbids the
    // operation, so the hint names both causes rather than guessing.
    return (
      `forbidden: either the caller lacks ${permission} (CCM is a global service: an IAM token must be ` +
      "domain-scoped), or the CA/certificate's current status does not allow this operation"
    );
  }
  if (details.status === 401)
    return "authentication failed: the token is missing, expired or not valid for this service";
  if (details.status === 429)
    return "throttled by the service: lower the parallelism (pulumi up --parallel) or raise maxRetries";
  // By then the call was retried as often as maxRetries allows (when it was safe to resend).
  if (details.status >= 500)
    return (
      "the service failed on its side: run the same pulumi command again later; if it keeps failing, give the " +
      "request id to Huawei Cloud support (maxRetries / HW_MAX_RETRIES sets how often a call is retried first)"
    );
  return undefined;
}
