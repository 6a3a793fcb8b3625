// The CCM / SCM / SMS API client. Build one per call (or per configure) from the resolved
// config: it holds no connection of its own (pools are shared per endpoint in http.ts) and no
// credential beyond the config it was given.
import { type ResolvedConfig, resolveConfig } from "../config.js";
import { CaApi } from "./cas.js";
import { CertificateApi } from "./certificates.js";
import { QuotaApi } from "./quotas.js";
import { ScmApi } from "./scm.js";
import { SmsApi } from "./sms.js";
import { Transport, type TransportOptions } from "./transport.js";

export class CcmClient {
  readonly certificates: CertificateApi;
  readonly cas: CaApi;
  readonly quotas: QuotaApi;
  readonly scm: ScmApi;
  readonly sms: SmsApi;

  constructor(config: ResolvedConfig, options?: TransportOptions) {
    const transport = new Transport(config, options);
    this.certificates = new CertificateApi(transport);
    this.cas = new CaApi(transport);
    this.quotas = new QuotaApi(transport);
    this.scm = new ScmApi(transport);
    this.sms = new SmsApi(transport);
  }
}

/** Resolves the configuration now (stack config, then env) and builds a client. */
export function createClient(
  stackConfig: Record<string, string | undefined>,
  env: NodeJS.ProcessEnv = process.env,
  options?: TransportOptions,
): CcmClient {
  return new CcmClient(resolveConfig(stackConfig, env), { env, ...options });
}
