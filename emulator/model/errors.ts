// Every error the emulator answers with, as data: HTTP status, `error_code`, a base message and
// where the code comes from. "docs" = the official PCA error table or an API page; "live" = seen
// from the real service (docs/api-facts.md §4.2); "invented" = the docs are silent, so we chose one
// code per situation and list it in the README. Routes never build error bodies themselves: they
// throw ApiError and emulator/http.ts maps it (the one error → HTTP function).

export type ErrorSource = "docs" | "live" | "invented";

export interface ErrorSpec {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly source: ErrorSource;
}

function spec(status: number, code: string, message: string, source: ErrorSource): ErrorSpec {
  return { status, code, message, source };
}

export const ERRORS = {
  // --- PCA (CCM private CA / private certificates) ---
  notFound: spec(400, "PCA.10010002", "The CA or certificate does not exist.", "live"),
  invalidParameterFormat: spec(
    400,
    "PCA.10010105",
    "Invalid parameter format. Check the API documentation and correct the parameter format.",
    "live",
  ),
  incorrectParameter: spec(400, "PCA.00020001", "Incorrect parameter.", "docs"),
  invalidDistinguishedName: spec(400, "PCA.00020101", "Incorrect certificate distinguished name.", "docs"),
  invalidKeyAlgorithm: spec(
    400,
    "PCA.00020102",
    "Invalid key algorithm. Only RSA2048, RSA4096, EC256, and EC384 are supported.",
    "docs",
  ),
  invalidSignatureAlgorithm: spec(
    400,
    "PCA.00020103",
    "Invalid signature hash algorithm. Only SHA256, SHA384, and SHA512 are supported.",
    "docs",
  ),
  invalidValidity: spec(400, "PCA.00020109", "Invalid validity period type or value.", "docs"),
  invalidDomainName: spec(400, "PCA.00020110", "Incorrect domain name.", "docs"),
  invalidIp: spec(400, "PCA.00020111", "Invalid IP address.", "docs"),
  invalidSanType: spec(400, "PCA.00020112", "Invalid alternative name type of the certificate subject.", "docs"),
  invalidCaId: spec(400, "PCA.00020201", "Invalid CA ID.", "docs"),
  invalidCaType: spec(400, "PCA.00020202", "Invalid CA type. Only ROOT or SUBORDINATE is supported.", "docs"),
  invalidPathLength: spec(400, "PCA.00020203", "Invalid CA path length.", "docs"),
  keyMismatch: spec(403, "PCA.00030301", "Certificate public key and private key do not match.", "docs"),
  invalidState: spec(
    403,
    "PCA.00030203",
    "The status of the CA or certificate does not allow this operation.",
    "invented",
  ),
  quotaExceeded: spec(403, "PCA.00030401", "The quota is insufficient.", "invented"),
  // A repeated OCSP switch (docs/api-facts.md §4.2: the Terraform provider treats both as "already in that
  // state"). Which code means "on" and which "off" is not documented: the emulator's choice, in docs/emulator.md.
  ocspAlreadyOn: spec(403, "PCA.10010071", "OCSP is already enabled for this CA.", "live"),
  ocspAlreadyOff: spec(403, "PCA.10010072", "OCSP is already disabled for this CA.", "live"),
  // --- SCM (SSL certificate export) ---
  scmNotFound: spec(404, "SCM.0002", "The certificate does not exist.", "invented"),
  scmInvalidParameter: spec(400, "SCM.0001", "Invalid parameter.", "invented"),
  // --- SMS (migration task certkey) ---
  smsNotFound: spec(404, "SMS.0002", "The migration task does not exist.", "invented"),
  smsInvalidParameter: spec(400, "SMS.0001", "Invalid parameter.", "invented"),
  // --- API gateway (answers before the service sees the request) ---
  gatewayNoApi: spec(404, "APIG.0101", "The API does not exist or has not been published in the environment.", "docs"),
  gatewayAuth: spec(401, "APIG.0301", "Incorrect IAM authentication information", "docs"),
  gatewayThrottled: spec(429, "APIG.0308", "The throttling threshold has been reached", "docs"),
  gatewayBodyTooLarge: spec(413, "APIG.0201", "Request entity too large.", "docs"),
  // --- injected faults (emulator/faults.ts) when the rule names no code ---
  injectedFault: spec(500, "PCA.00010001", "Internal service error.", "invented"),
} as const satisfies Record<string, ErrorSpec>;

export type ErrorName = keyof typeof ERRORS;

/** An error the API answers with. `detail` is appended to the base message; it never holds secrets. */
export class ApiError extends Error {
  readonly status: number;
  readonly errorCode: string;
  /** Gateway errors carry `request_id` in their body, like the real APIG does. */
  readonly gateway: boolean;

  constructor(name: ErrorName, detail?: string, overrides?: { status?: number; code?: string; message?: string }) {
    const base = ERRORS[name];
    const message = overrides?.message ?? (detail ? `${base.message} ${detail}` : base.message);
    super(message);
    this.name = "ApiError";
    this.status = overrides?.status ?? base.status;
    this.errorCode = overrides?.code ?? base.code;
    this.gateway = base.code.startsWith("APIG.");
  }
}

/** A gateway (APIG.0301) authentication failure: `error_msg` is "Incorrect IAM authentication information: <why>". */
export function authError(why: string): ApiError {
  return new ApiError("gatewayAuth", undefined, { message: `${ERRORS.gatewayAuth.message}: ${why}` });
}

export function notFound(kind: "CA" | "certificate", id: string): ApiError {
  return new ApiError("notFound", undefined, { message: `The ${kind} ${id} does not exist.` });
}

export function invalidState(detail: string): ApiError {
  return new ApiError("invalidState", detail);
}

export function badParameter(field: string, why: string): ApiError {
  return new ApiError("incorrectParameter", `Parameter ${field}: ${why}`);
}
