// A private CA's revocation switches (docs/api-facts.md §3): the OCSP switch, CRL enable and disable,
// and the console configuration that says whether OCSP is offered. CaApi (cas.ts) exposes them.
import { CcmInvalidArgumentError, isCcmApiError } from "../errors.js";
import {
  type ConsoleConfig,
  consoleConfigFromWire,
  consoleConfigWire,
  type EnableCrlArgs,
  enableCrlArgs,
  toEnableCrlBody,
} from "../schemas/ca-switches.js";
import type { TransitionResult } from "./lookup.js";
import type { CallSpec, Transport } from "./transport.js";
import { requireId, validateArgs } from "./validate.js";

/**
 * The service's answer to switching OCSP to the state it is already in (HTTP 403; docs/api-facts.md
 * §4.2). Which of the two means "already on" is not documented, so either one is taken as "already
 * in that state", as the Terraform provider does.
 */
export const OCSP_ALREADY_SET_CODES: readonly string[] = ["PCA.10010071", "PCA.10010072"];

/** Turns the CA's OCSP on or off; `changed` is false when it already was (a repeat, or a lost response). */
export async function setCaOcsp(transport: Transport, caId: string, enabled: boolean): Promise<TransitionResult> {
  const id = requireId("caId", caId);
  if (typeof enabled !== "boolean") throw new CcmInvalidArgumentError("CA OCSP switch", ["enabled: a boolean"]);
  try {
    await transport.send({ op: "switchCaOcsp", params: { ca_id: id }, body: { ocsp_switch: enabled } });
    return { changed: true };
  } catch (error) {
    if (isCcmApiError(error) && error.status === 403 && OCSP_ALREADY_SET_CODES.includes(error.errorCode ?? "")) {
      return { changed: false };
    }
    throw error;
  }
}

/** Enables the CA's CRL, or replaces the settings of an enabled one. */
export async function enableCaCrl(transport: Transport, caId: string, args: EnableCrlArgs): Promise<void> {
  const id = requireId("caId", caId);
  const parsed = validateArgs("CA CRL arguments", enableCrlArgs, args);
  await transport.send({ op: "enableCaCrl", params: { ca_id: id }, body: toEnableCrlBody(parsed) });
}

/** Disables the CA's CRL (also when it is disabled already). */
export async function disableCaCrl(transport: Transport, caId: string): Promise<void> {
  await transport.send({ op: "disableCaCrl", params: { ca_id: requireId("caId", caId) } });
}

/** The console's feature flags: EPS, SM2, dedicated HSM (and its regions), yearly/monthly CAs, IAM 5, OCSP. */
export async function getConsoleConfig(transport: Transport): Promise<ConsoleConfig> {
  const call: CallSpec = { op: "getConsoleConfig" };
  const response = await transport.send(call);
  return consoleConfigFromWire(transport.parseJson(call, response, consoleConfigWire));
}
