// Records → the API's JSON shapes (docs/api-facts.md §2.2 certificate details, §3.2 CA details). Times are
// epoch milliseconds; statuses are derived from the clock.

import type { CaRecord, CertificateRecord } from "../model/records.js";
import { crlDistributionPoint, effectiveCrlName } from "../model/revocation-urls.js";
import { caStatus, certificateStatus } from "../model/status.js";
import { subjectToApi } from "../model/subject.js";

/** The emulator's one tenant. */
export const DOMAIN_ID = "0e9b7c6f4a2d4e1b8c3f5a6d7e8f9a0b";

/** The fields certificate and CA details share (docs/api-facts.md §2.2, §3.2). */
function issuedFields(record: CaRecord | CertificateRecord) {
  return {
    issuer_id: record.issuerId,
    issuer_name: record.issuerName,
    key_algorithm: record.keyAlgorithm,
    signature_algorithm: record.signatureAlgorithm,
    freeze_flag: 0,
    gen_mode: record.genMode,
    serial_number: record.serialNumber,
    create_time: record.createTime,
    not_before: record.notBefore,
    not_after: record.notAfter,
    distinguished_name: subjectToApi(record.distinguishedName),
  };
}

export function certificateView(record: CertificateRecord, now: number) {
  return {
    certificate_id: record.id,
    status: certificateStatus(record, now),
    ...issuedFields(record),
    delete_time: null,
    enterprise_project_id: record.enterpriseProjectId,
  };
}

export function caView(record: CaRecord, now: number) {
  return {
    ca_id: record.id,
    type: record.type,
    status: caStatus(record, now),
    path_length: record.pathLength,
    ...issuedFields(record),
    delete_time: record.deleteTime,
    crl_configuration: {
      enabled: record.crlConfiguration.enabled,
      crl_name: effectiveCrlName(record),
      obs_bucket_name: record.crlConfiguration.obsBucketName,
      valid_days: record.crlConfiguration.validDays,
      crl_dis_point: crlDistributionPoint(record),
    },
    // Not in the documented detail (docs/api-facts.md §3.2): the emulator reports the switch under the
    // name of UpdateOcspSwitch's body field, so a client can read back what it set.
    ocsp_switch: record.ocspEnabled === true,
    enterprise_project_id: record.enterpriseProjectId,
    free_quota: 0,
    // 1 = pay-per-use: the emulator has no yearly/monthly orders.
    charging_mode: 1,
    domain_id: DOMAIN_ID,
  };
}
