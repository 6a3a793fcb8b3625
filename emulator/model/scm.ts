// SCM (SSL Certificate Manager) export: `POST /v3/scm/certificates/{id}/export` (SCM "ExportCertificate"). The
// emulator cannot buy or upload SSL certificates, so they are seeded (control plane or --seed).

import { randomInt } from "node:crypto";
import {
  PkiInputError,
  parseCertificate,
  publicKeyMatchesPrivateKey,
  toTraditionalPrivateKeyPem,
} from "../pki/index.js";
import type { ModelContext } from "./context.js";
import { ApiError } from "./errors.js";
import { makeLeaf, makeRoot } from "./issue-simple.js";
import { SCM_CERTIFICATE_ID_LENGTH } from "./limits.js";
import { splitPemBlocks, unescapePem } from "./pem.js";
import type { ScmCertificateRecord } from "./records.js";

export class SeedInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedInputError";
  }
}

export interface ScmSeed {
  id?: string;
  common_name?: string;
  certificate?: string;
  certificate_chain?: string;
  private_key?: string;
}

/** SCM ids look like "scs1554192131150": "scs" and 13 digits, 16 characters (SCM "ExportCertificate"). */
export function newScmId(): string {
  let digits = "";
  for (let i = 0; i < SCM_CERTIFICATE_ID_LENGTH - 3; i++) digits += String(randomInt(10));
  return `scs${digits}`;
}

export async function seedScmCertificate(ctx: ModelContext, seed: ScmSeed): Promise<string> {
  const id = seed.id ?? newScmId();
  if (id.length !== SCM_CERTIFICATE_ID_LENGTH) {
    throw new SeedInputError(`scm_certificates id must be ${SCM_CERTIFICATE_ID_LENGTH} characters long`);
  }
  const now = ctx.clock.now();
  let record: ScmCertificateRecord;
  if (seed.certificate !== undefined) {
    record = importedScm(id, seed, now);
  } else {
    if (ctx.store.get("scm_certificates", id)) return id;
    const commonName = seed.common_name ?? "www.example.com";
    const root = await makeRoot(ctx.serials, "ccm-emulator SCM Root CA", now);
    const leaf = await makeLeaf(ctx.serials, commonName, root, now);
    record = {
      id,
      certificatePem: leaf.certificatePem,
      chainPems: [root.certificatePem],
      privateKeyPem: leaf.privateKeyPem,
      createTime: now,
    };
  }
  await ctx.store.put("scm_certificates", id, record);
  return id;
}

function importedScm(id: string, seed: ScmSeed, now: number): ScmCertificateRecord {
  const certificatePem = splitPemBlocks(unescapePem(seed.certificate ?? ""))[0];
  if (!certificatePem) throw new SeedInputError("scm_certificates certificate holds no PEM certificate");
  if (seed.private_key === undefined)
    throw new SeedInputError("scm_certificates private_key is required with certificate");
  const privateKeyPem = unescapePem(seed.private_key);
  try {
    const parsed = parseCertificate(certificatePem);
    if (!publicKeyMatchesPrivateKey(parsed.publicKeyPem, privateKeyPem)) {
      throw new SeedInputError("scm_certificates private_key does not belong to certificate");
    }
    return {
      id,
      certificatePem,
      chainPems: splitPemBlocks(unescapePem(seed.certificate_chain ?? "")),
      privateKeyPem: toTraditionalPrivateKeyPem(privateKeyPem),
      createTime: now,
    };
  } catch (error) {
    if (error instanceof PkiInputError) throw new SeedInputError(`scm_certificates: ${error.message}`);
    throw error;
  }
}

export function exportScmCertificate(ctx: ModelContext, id: string): ScmCertificateRecord {
  if (id.length !== SCM_CERTIFICATE_ID_LENGTH) {
    throw new ApiError(
      "scmInvalidParameter",
      `Parameter certificate_id must be ${SCM_CERTIFICATE_ID_LENGTH} characters long.`,
    );
  }
  const record = ctx.store.get("scm_certificates", id);
  if (!record) throw new ApiError("scmNotFound", `The certificate ${id} does not exist.`);
  return record;
}
