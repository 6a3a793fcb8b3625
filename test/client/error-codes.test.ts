// Error codes are public: every class has its own code, the strings never change, and a switch on
// `code` narrows AnyCcmError to the class (the exhaustive switch below only compiles if it does).
import { describe, expect, it } from "vitest";
import * as ccm from "../../provider/index.js";

type AnyCcmError = ccm.AnyCcmError;

const ref = { service: "ccm", method: "GET", path: "/v1/private-certificates/abc" } as const;

/** One instance of every class, with the code it must keep. */
const EVERY_ERROR: readonly [AnyCcmError, string][] = [
  [new ccm.CcmConfigError("no region"), "ERR_CCM_CONFIG"],
  [new ccm.CcmInvalidArgumentError("args", ["x"]), "ERR_CCM_INVALID_ARGUMENT"],
  [new ccm.CcmApiError({ ...ref, status: 500 }), "ERR_CCM_API"],
  [new ccm.CcmTimeoutError(ref, 10, true), "ERR_CCM_TIMEOUT"],
  [new ccm.CcmNetworkError(ref, new Error("reset"), false), "ERR_CCM_NETWORK"],
  [new ccm.CcmResponseSchemaError(ref, ["x"]), "ERR_CCM_RESPONSE_SCHEMA"],
  [new ccm.CcmExportFormatError("empty", []), "ERR_CCM_EXPORT_FORMAT"],
  [new ccm.CcmCreateAmbiguousError("CA", "root", ["a", "b"]), "ERR_CCM_CREATE_AMBIGUOUS"],
  [new ccm.CcmCreateOutcomeUnknownError("certificate", "x", "lost"), "ERR_CCM_CREATE_OUTCOME_UNKNOWN"],
  [new ccm.CcmWaitTimeoutError("CA", "id", ["ACTIVED"], "PENDING", 10), "ERR_CCM_WAIT_TIMEOUT"],
  [new ccm.CcmDecodeError("no CERTIFICATE block"), "ERR_CCM_DECODE"],
  [new ccm.CcmLookupError("2 CAs match", ["c1", "c2"]), "ERR_CCM_LOOKUP"],
];

/** A field only the narrowed class has, proving the switch narrowed. */
function detailOf(error: AnyCcmError): string {
  switch (error.code) {
    case "ERR_CCM_CONFIG":
      return error.looked.join(",");
    case "ERR_CCM_INVALID_ARGUMENT":
      return error.issues.join(",");
    case "ERR_CCM_API":
      return String(error.status);
    case "ERR_CCM_TIMEOUT":
      return String(error.timeoutMs);
    case "ERR_CCM_NETWORK":
      return String(error.written);
    case "ERR_CCM_RESPONSE_SCHEMA":
      return error.issues.join(",");
    case "ERR_CCM_EXPORT_FORMAT":
      return error.fileNames.join(",");
    case "ERR_CCM_CREATE_AMBIGUOUS":
      return error.candidateIds.join(",");
    case "ERR_CCM_CREATE_OUTCOME_UNKNOWN":
      return error.kind;
    case "ERR_CCM_WAIT_TIMEOUT":
      return error.resourceId;
    case "ERR_CCM_DECODE":
      return error.message;
    case "ERR_CCM_LOOKUP":
      return error.candidates.join(",");
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

describe("error codes", () => {
  it("are the published strings, one per class", () => {
    for (const [error, code] of EVERY_ERROR) expect(error.code).toBe(code);
    expect(new Set(EVERY_ERROR.map(([error]) => error.code)).size).toBe(EVERY_ERROR.length);
    expect(new Set(EVERY_ERROR.map(([error]) => error.constructor)).size).toBe(EVERY_ERROR.length);
  });

  it("narrow AnyCcmError in a switch", () => {
    expect(EVERY_ERROR.map(([error]) => detailOf(error))).toEqual([
      "",
      "x",
      "500",
      "10",
      "false",
      "x",
      "",
      "a,b",
      "certificate",
      "id",
      "no CERTIFICATE block",
      "c1,c2",
    ]);
  });
});
