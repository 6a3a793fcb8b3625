// SMS (Server Migration Service) certkey: `GET /v3/tasks/{task_id}/certkey?enable_ca_cert=`
// (SMS "Obtaining an SSL Certificate and Private Key"). Tasks are seeded; each task's key material is made on first request, per mode, and
// then answered identically (it is stored, so it also survives restarts with --data-dir).

import { randomUUID } from "node:crypto";
import type { ModelContext } from "./context.js";
import { ApiError } from "./errors.js";
import { booleanOrString } from "./fields.js";
import { makeLeaf, makeRoot } from "./issue-simple.js";
import { SMS_TASK_ID_MAX } from "./limits.js";
import type { SmsKeyMaterial, SmsTaskRecord } from "./records.js";
import { SeedInputError } from "./scm.js";

export interface SmsSeed {
  id?: string;
}

function checkTaskId(id: string): boolean {
  return id.length >= 1 && id.length <= SMS_TASK_ID_MAX && !/[/?#]/.test(id);
}

export async function seedSmsTask(ctx: ModelContext, seed: SmsSeed): Promise<string> {
  const id = seed.id ?? randomUUID();
  if (!checkTaskId(id)) throw new SeedInputError(`sms_tasks id must be 1–${SMS_TASK_ID_MAX} characters`);
  if (!ctx.store.get("sms_tasks", id)) {
    await ctx.store.put("sms_tasks", id, { id, withCa: null, withoutCa: null, createTime: ctx.clock.now() });
  }
  return id;
}

/** `enable_ca_cert` absent → false (the current CN/EU pages; some intl pages say true). */
export function parseEnableCaCert(raw: string | null): boolean {
  if (raw === null) return false;
  const value = booleanOrString(raw.toLowerCase());
  if (value === undefined) throw new ApiError("smsInvalidParameter", "Parameter enable_ca_cert must be true or false.");
  return value;
}

// Key material being made right now, per store (so two emulators in one process never share),
// so that concurrent first requests for a task get the same answer.
const inFlightByStore = new WeakMap<object, Map<string, Promise<SmsKeyMaterial>>>();

export async function showCertKey(ctx: ModelContext, taskId: string, withCa: boolean): Promise<SmsKeyMaterial> {
  if (!checkTaskId(taskId)) throw new ApiError("smsInvalidParameter", "Parameter task_id must be 1–36 characters.");
  const task = ctx.store.get("sms_tasks", taskId);
  if (!task) throw new ApiError("smsNotFound", `The task ${taskId} does not exist.`);
  const existing = withCa ? task.withCa : task.withoutCa;
  if (existing) return existing;
  const key = `${taskId}\u0000${withCa}`;
  const inFlight = inFlightByStore.get(ctx.store) ?? new Map<string, Promise<SmsKeyMaterial>>();
  inFlightByStore.set(ctx.store, inFlight);
  let pending = inFlight.get(key);
  if (!pending) {
    pending = makeMaterial(ctx, task, withCa).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

async function makeMaterial(ctx: ModelContext, task: SmsTaskRecord, withCa: boolean): Promise<SmsKeyMaterial> {
  const now = ctx.clock.now();
  const ca = withCa ? await makeRoot(ctx.serials, `SMS migration CA ${task.id}`, now) : undefined;
  const source = await makeLeaf(ctx.serials, "sms-source-agent", ca, now);
  const mgmt = await makeLeaf(ctx.serials, "sms-target-mgmt", ca, now);
  const data = await makeLeaf(ctx.serials, "sms-target-data", ca, now);
  const material: SmsKeyMaterial = {
    ca: ca ? ca.certificatePem : null,
    cert: source.certificatePem,
    privateKey: source.privateKeyPem,
    targetMgmtCert: mgmt.certificatePem,
    targetMgmtPrivateKey: mgmt.privateKeyPem,
    targetDataCert: data.certificatePem,
    targetDataPrivateKey: data.privateKeyPem,
  };
  const current = ctx.store.get("sms_tasks", task.id);
  if (current) {
    await ctx.store.put(
      "sms_tasks",
      task.id,
      withCa ? { ...current, withCa: material } : { ...current, withoutCa: material },
    );
  }
  return material;
}
