// Client SCM export and SMS certkey operations against ccm-emulator's seeded certificates and tasks.
import { describe, expect, it } from "vitest";
import { splitPemBlocks } from "../../provider/pem.js";
import { cert, client, harness, useOperationsEmulator } from "./operations-emulator.js";

useOperationsEmulator();

describe("SCM and SMS", () => {
  it("exports a seeded SCM certificate", async () => {
    const seeded = (await harness.control("POST", "seed", {
      scm_certificates: [{ common_name: "shop.example.com" }],
    })) as {
      scm_certificates: { id: string }[];
    };
    const id = seeded.scm_certificates[0]?.id ?? "";
    const exported = await client.scm.exportCertificate(id);
    expect(cert(exported.certificate).subject).toContain("CN=shop.example.com");
    expect(exported.privateKey).toMatch(/^-----BEGIN [A-Z ]*PRIVATE KEY-----\n/);
    expect(splitPemBlocks(exported.entireCertificate ?? "").length).toBeGreaterThanOrEqual(1);
    const missing = await client.scm.exportCertificate("scs0000000000000").catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "ERR_CCM_API", service: "scm", isNotFound: true });
  });

  it("reads a seeded SMS task's certificates and keys", async () => {
    const seeded = (await harness.control("POST", "seed", { sms_tasks: [{}] })) as { sms_tasks: { id: string }[] };
    const taskId = seeded.sms_tasks[0]?.id ?? "";
    const withCa = await client.sms.getCertKey(taskId, { enableCaCert: true });
    expect(withCa.cert).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(withCa.privateKey).toMatch(/PRIVATE KEY-----\n$/);
    expect(withCa.ca).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(withCa.targetMgmtCert).toBeDefined();
    expect(withCa.targetDataPrivateKey).toBeDefined();
    // enable_ca_cert defaults to false (current CN/EU pages): no CA certificate then.
    expect((await client.sms.getCertKey(taskId)).ca).toBeUndefined();
    const inventory = await harness.inventory();
    expect(inventory.requests.by_route["GET /v3/tasks/{task_id}/certkey"]).toBe(2);
    const missing = await client.sms.getCertKey("no-such-task").catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "ERR_CCM_API", service: "sms", isNotFound: true });
  });
});
