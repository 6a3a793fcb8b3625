// SMS (Server Migration) task certificate and keys — GET /v3/tasks/{task_id}/certkey (SMS "Obtaining an SSL Certificate and Private Key").
import { z } from "zod";
import { wirePem } from "./common.js";

export const smsCertKeyWire = z.looseObject({
  cert: wirePem,
  private_key: wirePem,
  ca: wirePem,
  target_mgmt_cert: wirePem,
  target_mgmt_private_key: wirePem,
  target_data_cert: wirePem,
  target_data_private_key: wirePem,
});

/** A migration task's certificates and keys (PEMs normalised). Every *PrivateKey field is secret. */
export interface SmsCertKey {
  cert: string | undefined;
  privateKey: string | undefined;
  /** Only when requested with enableCaCert. */
  ca: string | undefined;
  targetMgmtCert: string | undefined;
  targetMgmtPrivateKey: string | undefined;
  targetDataCert: string | undefined;
  targetDataPrivateKey: string | undefined;
}

export function smsCertKeyFromWire(wire: z.output<typeof smsCertKeyWire>): SmsCertKey {
  return {
    cert: wire.cert,
    privateKey: wire.private_key,
    ca: wire.ca,
    targetMgmtCert: wire.target_mgmt_cert,
    targetMgmtPrivateKey: wire.target_mgmt_private_key,
    targetDataCert: wire.target_data_cert,
    targetDataPrivateKey: wire.target_data_private_key,
  };
}
