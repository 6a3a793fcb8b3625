// A private CA's revocation switches and the console configuration (docs/api-facts.md §3): the
// arguments and body of POST …/crl/enable, and the answer of GET /v1/pca/config/console. The OCSP
// switch's body is one boolean (provider/client/ca-switches.ts builds it).
import { z } from "zod";
import { wireBool } from "./common.js";
import { CRL_VALID_DAYS } from "./enums.js";

export const enableCrlArgs = z.strictObject({
  /** The CRL's file name; the service uses the CA's id when it is left out. */
  crlName: z.string().min(1).optional(),
  /** An existing OBS bucket the service may write to (through the OBS agency). */
  obsBucketName: z.string().min(1),
  /** How often the CRL is renewed, in days. */
  validDays: z.number().int().min(CRL_VALID_DAYS.min).max(CRL_VALID_DAYS.max),
});
export type EnableCrlArgs = z.input<typeof enableCrlArgs>;

export interface EnableCrlBody {
  crl_name?: string;
  obs_bucket_name: string;
  valid_days: number;
}

export function toEnableCrlBody(args: z.output<typeof enableCrlArgs>): EnableCrlBody {
  const body: EnableCrlBody = { obs_bucket_name: args.obsBucketName, valid_days: args.validDays };
  if (args.crlName !== undefined) body.crl_name = args.crlName;
  return body;
}

export const consoleConfigWire = z.looseObject({
  is_support_eps: wireBool,
  is_support_sm2: wireBool,
  is_support_dhsm: wireBool,
  dhsm_regions: z
    .array(z.string())
    .nullish()
    .transform((regions) => regions ?? []),
  is_support_yearly_monthly_ca: wireBool,
  is_support_iam5: wireBool,
  is_support_ocsp: wireBool,
});

/** What the CCM console may offer in this account and region; undefined = the service did not say. */
export interface ConsoleConfig {
  supportsEnterpriseProjects: boolean | undefined;
  supportsSm2: boolean | undefined;
  supportsDedicatedHsm: boolean | undefined;
  dedicatedHsmRegions: string[];
  supportsYearlyMonthlyCa: boolean | undefined;
  supportsIam5: boolean | undefined;
  supportsOcsp: boolean | undefined;
}

export function consoleConfigFromWire(wire: z.output<typeof consoleConfigWire>): ConsoleConfig {
  return {
    supportsEnterpriseProjects: wire.is_support_eps,
    supportsSm2: wire.is_support_sm2,
    supportsDedicatedHsm: wire.is_support_dhsm,
    dedicatedHsmRegions: wire.dhsm_regions,
    supportsYearlyMonthlyCa: wire.is_support_yearly_monthly_ca,
    supportsIam5: wire.is_support_iam5,
    supportsOcsp: wire.is_support_ocsp,
  };
}
