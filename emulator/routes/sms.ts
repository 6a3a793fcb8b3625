// SMS certkey (SMS "Obtaining an SSL Certificate and Private Key"): `GET /v3/tasks/{task_id}/certkey?enable_ca_cert=`. The documented
// sample uses "\n" line breaks, unlike CCM's "\r\n"; `ca` is present only with enable_ca_cert=true.

import { lfPem } from "../model/pem.js";
import { ok, type RouteContext } from "./context.js";

const pem = (text: string) => lfPem(text).trimEnd();

export async function showCertKey(ctx: RouteContext) {
  const material = await ctx.model.showCertKey(ctx.params.task_id ?? "", ctx.query.get("enable_ca_cert"));
  const json: Record<string, string> = {};
  if (material.ca !== null) json.ca = pem(material.ca);
  Object.assign(json, {
    cert: pem(material.cert),
    private_key: pem(material.privateKey),
    target_mgmt_cert: pem(material.targetMgmtCert),
    target_mgmt_private_key: pem(material.targetMgmtPrivateKey),
    target_data_cert: pem(material.targetDataCert),
    target_data_private_key: pem(material.targetDataPrivateKey),
  });
  return ok(json);
}
