// The seed document (`POST /_emulator/seed` body, or the `--seed` file): objects the real APIs
// cannot create — SCM certificates and SMS migration tasks.
//
//   { "scm_certificates": [{ "id"?, "common_name"?, "certificate"?, "certificate_chain"?, "private_key"? }],
//     "sms_tasks": [{ "id"? }] }

import type { ModelContext } from "./context.js";
import { isObject } from "./fields.js";
import { type ScmSeed, SeedInputError, seedScmCertificate } from "./scm.js";
import { type SmsSeed, seedSmsTask } from "./sms.js";

export interface SeedDocument {
  scm_certificates: ScmSeed[];
  sms_tasks: SmsSeed[];
}

export interface SeedResult {
  scm_certificates: { id: string }[];
  sms_tasks: { id: string }[];
}

const SCM_FIELDS = ["id", "common_name", "certificate", "certificate_chain", "private_key"] as const;

function strings<K extends string>(item: unknown, fields: readonly K[], where: string): Partial<Record<K, string>> {
  if (!isObject(item)) throw new SeedInputError(`${where} must be an object`);
  const out: Partial<Record<K, string>> = {};
  for (const [key, value] of Object.entries(item)) {
    const field = fields.find((candidate) => candidate === key);
    if (field === undefined) throw new SeedInputError(`${where} has an unknown field ${JSON.stringify(key)}`);
    if (typeof value !== "string") throw new SeedInputError(`${where}.${key} must be a string`);
    out[field] = value;
  }
  return out;
}

function list(doc: Record<string, unknown>, field: string): unknown[] {
  const value = doc[field];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SeedInputError(`${field} must be an array`);
  return value;
}

export function parseSeedDocument(value: unknown): SeedDocument {
  if (!isObject(value)) throw new SeedInputError("the seed must be a JSON object");
  for (const key of Object.keys(value)) {
    if (key !== "scm_certificates" && key !== "sms_tasks")
      throw new SeedInputError(`unknown seed field ${JSON.stringify(key)}`);
  }
  return {
    scm_certificates: list(value, "scm_certificates").map((item, i) =>
      strings(item, SCM_FIELDS, `scm_certificates[${i}]`),
    ),
    sms_tasks: list(value, "sms_tasks").map((item, i) => strings(item, ["id"] as const, `sms_tasks[${i}]`)),
  };
}

export async function applySeed(ctx: ModelContext, doc: SeedDocument): Promise<SeedResult> {
  const result: SeedResult = { scm_certificates: [], sms_tasks: [] };
  for (const seed of doc.scm_certificates) result.scm_certificates.push({ id: await seedScmCertificate(ctx, seed) });
  for (const seed of doc.sms_tasks) result.sms_tasks.push({ id: await seedSmsTask(ctx, seed) });
  return result;
}

export { SeedInputError };
