// The record every CCM-issued object shares: the fields CA and certificate details have in
// common (docs/api-facts.md §2.2, §3.2), and their one mapper.
import { z } from "zod";
import { wireInt, wireText, wireTimestamp } from "./common.js";
import { type DistinguishedName, distinguishedNameFromWire, distinguishedNameWire } from "./distinguished-name.js";

/** Fields a CA detail and a certificate detail share (docs/api-facts.md §2.2, §3.2), in their wire form. */
export const issuedObjectWireFields = {
  status: z.string().min(1),
  issuer_id: wireText,
  issuer_name: wireText,
  key_algorithm: wireText,
  signature_algorithm: wireText,
  freeze_flag: wireInt,
  gen_mode: wireText,
  serial_number: wireText,
  create_time: wireTimestamp,
  delete_time: wireTimestamp,
  not_before: wireTimestamp,
  not_after: wireTimestamp,
  distinguished_name: distinguishedNameWire.nullish(),
  enterprise_project_id: wireText,
};

/** The fields a CA and a certificate share, as the client returns them. Timestamps are ISO 8601 (UTC). */
export interface IssuedObjectInfo {
  status: string;
  issuerId: string | undefined;
  issuerName: string | undefined;
  keyAlgorithm: string | undefined;
  signatureAlgorithm: string | undefined;
  /** 0 = not frozen. */
  freezeFlag: number | undefined;
  genMode: string | undefined;
  serialNumber: string | undefined;
  createTime: string | undefined;
  deleteTime: string | undefined;
  notBefore: string | undefined;
  notAfter: string | undefined;
  distinguishedName: DistinguishedName;
  enterpriseProjectId: string | undefined;
}

const issuedObjectWire = z.looseObject(issuedObjectWireFields);

/** The one mapper of the shared fields; caFromWire and certificateFromWire add their own. */
export function issuedObjectFromWire(wire: z.output<typeof issuedObjectWire>): IssuedObjectInfo {
  return {
    status: wire.status,
    issuerId: wire.issuer_id,
    issuerName: wire.issuer_name,
    keyAlgorithm: wire.key_algorithm,
    signatureAlgorithm: wire.signature_algorithm,
    freezeFlag: wire.freeze_flag,
    genMode: wire.gen_mode,
    serialNumber: wire.serial_number,
    createTime: wire.create_time,
    deleteTime: wire.delete_time,
    notBefore: wire.not_before,
    notAfter: wire.not_after,
    distinguishedName: distinguishedNameFromWire(wire.distinguished_name),
    enterpriseProjectId: wire.enterprise_project_id,
  };
}
