// A CA's revocation switches (docs/api-facts.md §3): POST …/ocsp/switch, …/crl/enable and …/crl/disable,
// and the console configuration (GET /v1/pca/config/console). The switches only change what the CA's
// details report and what the certificates it issues from then on carry (model/revocation-urls.ts).

import { CRL_OFF, parseCrlSettings } from "./ca-create.js";
import type { ModelContext } from "./context.js";
import { ApiError, invalidState } from "./errors.js";
import { optionalBoolean, requireObject } from "./fields.js";
import { getCa, requireManagedCa } from "./lookup.js";
import type { CaRecord } from "./records.js";
import { caStatus } from "./status.js";

/**
 * The CA, if its switches may change now: ACTIVED or DISABLED (the SDK's description of the OCSP
 * switch; the CRL endpoints follow the same rule, the emulator's choice).
 */
function switchable(ctx: ModelContext, id: string, what: string): CaRecord {
  const ca = requireManagedCa(getCa(ctx, id));
  const status = caStatus(ca, ctx.clock.now());
  if (status !== "ACTIVED" && status !== "DISABLED") {
    throw invalidState(`The CA ${id} is ${status}; ${what} only for an ACTIVED or DISABLED CA.`);
  }
  return ca;
}

/** `{ocsp_switch: bool}`; asking for the state the CA is already in is 403 PCA.10010071 (on) / PCA.10010072 (off). */
export async function switchOcsp(ctx: ModelContext, id: string, body: unknown): Promise<void> {
  const obj = requireObject(body, "body");
  const wanted = optionalBoolean(obj, "ocsp_switch");
  if (wanted === undefined) throw new ApiError("incorrectParameter", "Parameter ocsp_switch is required.");
  const ca = switchable(ctx, id, "OCSP can be switched");
  if ((ca.ocspEnabled === true) === wanted) {
    throw new ApiError(wanted ? "ocspAlreadyOn" : "ocspAlreadyOff", `CA ${id}.`);
  }
  await ctx.store.put("authorities", id, { ...ca, ocspEnabled: wanted });
}

/** Enables the CRL, or replaces the settings of an enabled one (the same body again changes nothing). */
export async function enableCrl(ctx: ModelContext, id: string, body: unknown): Promise<void> {
  const settings = parseCrlSettings(requireObject(body, "body"), "");
  const ca = switchable(ctx, id, "the CRL can be enabled");
  await ctx.store.put("authorities", id, { ...ca, crlConfiguration: settings });
}

/** Disables the CRL; disabling a disabled CRL is accepted too (204), as a repeat of this call. */
export async function disableCrl(ctx: ModelContext, id: string): Promise<void> {
  const ca = switchable(ctx, id, "the CRL can be disabled");
  if (!ca.crlConfiguration.enabled) return;
  await ctx.store.put("authorities", id, { ...ca, crlConfiguration: CRL_OFF });
}

/** What the console may offer, as this emulator supports it (docs/emulator.md, "Choices where the docs are silent"). */
export function consoleConfig() {
  return {
    is_support_eps: false,
    is_support_sm2: false,
    is_support_dhsm: false,
    dhsm_regions: [] as string[],
    is_support_yearly_monthly_ca: false,
    is_support_iam5: false,
    is_support_ocsp: true,
  };
}
