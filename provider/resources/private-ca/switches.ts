// PrivateCa's switches, applied in place: enabled (disable / enable), the OCSP switch, and the CRL
// (the CRL enable / disable endpoints, docs/api-facts.md §3). Each is managed only when its input
// is given: a CA disabled in the console during an incident is not re-enabled by an `up` whose
// program never said `enabled`. What a refresh observes goes into the same-named output, so the
// next preview shows the drift as an in-place update.
import type { CcmClient } from "../../client/index.js";
import type { CaInfo, CrlConfiguration } from "../../schemas/ca.js";
import { CRL_VALID_DAYS } from "../../schemas/enums.js";
import type { PrivateCaInputs, PrivateCaOutputs } from "./inputs.js";

type CrlInput = NonNullable<PrivateCaInputs["crlConfiguration"]>;

/** The statuses whose enabled state means something: a PENDING or DELETED CA is neither. */
const ENABLED_BY_STATUS: Readonly<Record<string, boolean>> = { ACTIVED: true, EXPIRED: true, DISABLED: false };
/** Where CCM takes the OCSP and CRL switches (the API's state rules). */
const SWITCHABLE = new Set(["ACTIVED", "DISABLED"]);

/** How often the CRL is renewed when the input leaves it out: the least CCM allows, as at create. */
const validDaysOf = (crl: CrlInput) => crl.validDays ?? CRL_VALID_DAYS.min;

function crlAgrees(wanted: CrlInput, actual: CrlConfiguration | undefined): boolean {
  if (!wanted.enabled) return actual?.enabled !== true;
  return (
    actual?.enabled === true &&
    actual.obsBucketName === wanted.obsBucketName &&
    actual.validDays === validDaysOf(wanted) &&
    (wanted.crlName === undefined || actual.crlName === wanted.crlName)
  );
}

/** Brings the CA to what the inputs ask; the CA as it is afterwards. */
export async function applySwitches(
  api: CcmClient,
  caId: string,
  args: PrivateCaInputs,
  info: CaInfo,
): Promise<CaInfo> {
  let changed = false;
  const isEnabled = ENABLED_BY_STATUS[info.status];
  if (args.enabled !== undefined && isEnabled !== undefined && isEnabled !== args.enabled) {
    await (args.enabled ? api.cas.enable(caId) : api.cas.disable(caId));
    changed = true;
  }
  // Disabling keeps the switches' state, and both switches work on a DISABLED CA as well.
  const switchable = SWITCHABLE.has(info.status) || (changed && args.enabled === false);
  if (switchable && args.ocspEnabled !== undefined && (info.ocspEnabled ?? false) !== args.ocspEnabled) {
    await api.cas.setOcsp(caId, args.ocspEnabled);
    changed = true;
  }
  const crl = args.crlConfiguration;
  if (switchable && crl && !crlAgrees(crl, info.crlConfiguration)) {
    if (crl.enabled) {
      await api.cas.enableCrl(caId, {
        obsBucketName: crl.obsBucketName ?? "",
        validDays: validDaysOf(crl),
        ...(crl.crlName === undefined ? {} : { crlName: crl.crlName }),
      });
    } else {
      await api.cas.disableCrl(caId);
    }
    changed = true;
  }
  return changed ? api.cas.get(caId) : info;
}

/** What a read saw of the switches the inputs manage, where it differs from them (else nothing). */
export function observedSwitches(inputs: PrivateCaOutputs, info: CaInfo): Partial<PrivateCaOutputs> {
  const observed: Partial<PrivateCaOutputs> = {};
  const isEnabled = ENABLED_BY_STATUS[info.status];
  if (inputs.enabled !== undefined && isEnabled !== undefined) observed.enabled = isEnabled;
  if (inputs.ocspEnabled !== undefined && SWITCHABLE.has(info.status) && info.ocspEnabled !== undefined) {
    observed.ocspEnabled = info.ocspEnabled;
  }
  const crl = inputs.crlConfiguration;
  if (crl && SWITCHABLE.has(info.status) && !crlAgrees(crl, info.crlConfiguration)) {
    observed.crlConfiguration = observedCrl(crl, info.crlConfiguration);
  }
  return observed;
}

/** The CRL as read, in the input's shape (its name only where the input names one). */
function observedCrl(wanted: CrlInput, actual: CrlConfiguration | undefined): CrlInput {
  if (actual?.enabled !== true) return { enabled: false };
  return {
    enabled: true,
    ...(actual.obsBucketName === undefined ? {} : { obsBucketName: actual.obsBucketName }),
    ...(actual.validDays === undefined ? {} : { validDays: actual.validDays }),
    ...(wanted.crlName === undefined || actual.crlName === undefined ? {} : { crlName: actual.crlName }),
  };
}
