// Key and signature algorithm fields, shared by CA and certificate requests.

import { ApiError } from "./errors.js";
import type { JsonObject } from "./fields.js";
import {
  CHINA_ONLY_KEY_ALGORITHMS,
  CHINA_ONLY_SIGNATURE_ALGORITHMS,
  KEY_ALGORITHMS,
  type KeyAlgorithmName,
  SIGNATURE_ALGORITHMS,
  type SignatureAlgorithmName,
} from "./limits.js";

export function parseKeyAlgorithm(body: JsonObject): KeyAlgorithmName {
  const value = body.key_algorithm;
  const found = KEY_ALGORITHMS.find((candidate) => candidate === value);
  if (found !== undefined) return found;
  if (value === undefined || value === null) {
    throw new ApiError("invalidKeyAlgorithm", "Parameter key_algorithm is required.");
  }
  const chinaOnly = CHINA_ONLY_KEY_ALGORITHMS.some((candidate) => candidate === value);
  throw new ApiError(
    "invalidKeyAlgorithm",
    chinaOnly ? "SM2 is offered on the China site only." : `Got ${JSON.stringify(value)}.`,
  );
}

export function parseSignatureAlgorithm(body: JsonObject, required: boolean): SignatureAlgorithmName | undefined {
  const value = body.signature_algorithm;
  if (value === undefined || value === null) {
    if (required) throw new ApiError("invalidSignatureAlgorithm", "Parameter signature_algorithm is required.");
    return undefined;
  }
  const found = SIGNATURE_ALGORITHMS.find((candidate) => candidate === value);
  if (found !== undefined) return found;
  const chinaOnly = CHINA_ONLY_SIGNATURE_ALGORITHMS.some((candidate) => candidate === value);
  throw new ApiError(
    "invalidSignatureAlgorithm",
    chinaOnly ? "SM3 is offered on the China site only." : `Got ${JSON.stringify(value)}.`,
  );
}
