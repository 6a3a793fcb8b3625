// examples/subordinate-ca through the real Pulumi CLI against the emulator: a root, a PENDING
// subordinate whose CSR the root signs (IntermediateCaCertificate), the signed certificate
// imported in place on the second `pulumi up`, a leaf from the subordinate — then no-change
// previews that make no API call, secrets in state, a chain openssl accepts, refresh, destroy.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { splitPemBlocks } from "../../provider/pem.js";
import { type InventoryEntry, useEmulatorStack } from "../harness/emulator.js";
import { type OutputValue, outputString, resourcesOfType } from "../harness/stack.js";

const execFileAsync = promisify(execFile);
/** Inventory fields this test reads beyond the harness's type. */
type CaEntry = InventoryEntry & { listed?: boolean; gen_mode?: string };
const PRIVATE_CA = "pulumi-nodejs:dynamic/huaweicloud-ccm:PrivateCa";
const INTERMEDIATE = "pulumi-nodejs:dynamic/huaweicloud-ccm:IntermediateCaCertificate";

/** `openssl verify -x509_strict` of `leaf` against `root`, with `intermediates` untrusted. */
async function opensslVerify(root: string, intermediates: string, leaf: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "ccm-chain-"));
  try {
    const file = (name: string, content: string) => {
      const p = path.join(dir, name);
      writeFileSync(p, content);
      return p;
    };
    const args = ["verify", "-x509_strict", "-CAfile", file("root.pem", root)];
    if (intermediates) args.push("-untrusted", file("untrusted.pem", intermediates));
    args.push(file("leaf.pem", leaf));
    const { stdout, stderr } = await execFileAsync("openssl", args);
    return `${stdout}${stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("examples/subordinate-ca: a subordinate CA signed elsewhere, imported, issuing", () => {
  const setup = useEmulatorStack({ program: "examples/subordinate-ca" });
  let first: Record<string, OutputValue>;
  let second: Record<string, OutputValue>;

  it("first up: the root is ACTIVED, the subordinate PENDING with its CSR, which the root signs", async () => {
    const { outputs, changes } = await setup.stack.up();
    first = outputs;
    expect(changes).toEqual({ create: 4 });
    expect(outputs.issuingStatus).toEqual({ value: "PENDING", secret: false });
    expect(outputs.issuingCsrPem).toMatchObject({ secret: true });
    expect(outputString(outputs, "issuingCsrPem")).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n[\s\S]+\n$/);
    expect(outputString(outputs, "issuingCsrPem")).not.toContain("\r");
    expect(outputs.issuingCertificatePem?.value).toBeUndefined();
    expect(outputs.signedCertificatePem).toMatchObject({ secret: true });
    expect(outputs.webCertificateId?.value).toBeUndefined();
    expect(outputs.webFullChainPem?.value).toBeUndefined();
    // The signed certificate chains to the root, and its chain is the root.
    const rootPem = outputString(outputs, "rootCertificatePem");
    expect(splitPemBlocks(outputString(outputs, "signedCertificateChainPem"))).toEqual(splitPemBlocks(rootPem));
    expect(await opensslVerify(rootPem, "", outputString(outputs, "signedCertificatePem"))).toMatch(/: OK/);
    const cas = (await setup.emulator.inventory()).certificate_authorities;
    expect(cas.find((ca) => ca.id === outputString(outputs, "issuingCaId"))).toMatchObject({ status: "PENDING" });
  });

  it("a preview makes no API call and plans no change", async () => {
    const before = await setup.emulator.requestCount();
    expect(await setup.stack.previewNoChanges()).toEqual({ same: 4 });
    expect(await setup.emulator.requestCount()).toBe(before);
  });

  it("second up with the signed certificate supplied: the subordinate is updated in place, not replaced", async () => {
    setup.stack.setConfig(
      {},
      {
        issuingCertificatePem: outputString(first, "signedCertificatePem"),
        issuingCertificateChainPem: outputString(first, "signedCertificateChainPem"),
      },
    );
    const before = await setup.emulator.requestCount();
    // GOTCHA: while a preview plans an in-place update of a dynamic resource, the engine reports
    // all its outputs as unknown, so the signer's csrPem input (issuing.csrPem) is unknown and the
    // preview shows it replaced; the up itself finds the CSR unchanged and leaves it alone.
    expect(await setup.stack.preview()).toEqual({ update: 1, create: 2, replace: 1, same: 2 });
    expect(await setup.emulator.requestCount()).toBe(before);

    const { outputs, changes } = await setup.stack.up();
    second = outputs;
    expect(changes).toEqual({ update: 1, create: 2, same: 3 });
    expect(outputs.issuingCaId?.value).toBe(first.issuingCaId?.value);
    expect(outputs.issuingStatus?.value).toBe("ACTIVED");
    // The CSR it was signed for stays in state after activation (CCM no longer exports it).
    expect(outputs.issuingCsrPem?.value).toBe(first.issuingCsrPem?.value);
    expect(outputString(outputs, "issuingCertificatePem")).toBe(outputString(first, "signedCertificatePem"));
    expect(outputs.issuingCertificatePem).toMatchObject({ secret: true });
    expect(outputs.webCertificateId?.value).toMatch(/^[0-9a-f-]{36}$/);
    const cas = (await setup.emulator.inventory()).certificate_authorities;
    expect(cas.find((ca) => ca.id === outputString(outputs, "issuingCaId"))).toMatchObject({
      status: "ACTIVED",
      gen_mode: "IMPORT",
      issuer_id: outputString(outputs, "rootCaId"),
    });
  });

  it("after the import, a preview makes no API call and plans no change", async () => {
    const before = await setup.emulator.requestCount();
    expect(await setup.stack.previewNoChanges()).toEqual({ same: 6 });
    expect(await setup.emulator.requestCount()).toBe(before);
  });

  it("the leaf's bundle verifies with openssl through the imported subordinate up to the root", async () => {
    const rootPem = outputString(second, "rootCertificatePem");
    const issuingPem = outputString(second, "issuingCertificatePem");
    // The subordinate's own chain (from its CA export) is the root.
    expect(splitPemBlocks(outputString(second, "issuingCertificateChainPem"))).toEqual(splitPemBlocks(rootPem));
    expect(await opensslVerify(rootPem, "", issuingPem)).toMatch(/: OK/);
    // The bundle's full chain: the leaf, the imported subordinate, the root.
    const [leaf, ...chain] = splitPemBlocks(outputString(second, "webFullChainPem"));
    expect(chain).toEqual([...splitPemBlocks(issuingPem), ...splitPemBlocks(rootPem)]);
    expect(await opensslVerify(rootPem, chain.join(""), leaf ?? "")).toMatch(/: OK/);
    const verified = await opensslVerify(rootPem, "", leaf ?? "").catch((e: Error) => e.message);
    expect(verified).toMatch(/unable to get local issuer certificate/);
  });

  it("neither the state nor the stack outputs show a PEM in plaintext", async () => {
    const state = await setup.stack.exportState();
    expect(JSON.stringify(state)).not.toContain("-----BEGIN");
    const [issuing] = resourcesOfType(state, PRIVATE_CA).filter((r) => r.urn.endsWith("::issuing"));
    for (const name of ["csrPem", "certificatePem", "certificateChainPem"]) {
      expect(issuing?.outputs?.[name]).toMatchObject({ "4dabf18193072939515e22adb298388d": expect.any(String) });
    }
    for (const name of ["certificatePem", "certificateChainPem"]) {
      expect(issuing?.inputs?.[name]).toMatchObject({ "4dabf18193072939515e22adb298388d": expect.any(String) });
    }
    const [signed] = resourcesOfType(state, INTERMEDIATE);
    expect(signed?.inputs?.csrPem).toMatchObject({ "4dabf18193072939515e22adb298388d": expect.any(String) });
    const output = await setup.stack.outputText();
    for (const name of [
      "rootCertificatePem",
      "issuingCsrPem",
      "issuingCertificatePem",
      "issuingCertificateChainPem",
      "signedCertificatePem",
      "signedCertificateChainPem",
      "webFullChainPem",
    ]) {
      expect(output).toMatch(new RegExp(`${name}\\s+\\[secret\\]`));
    }
    expect(output).toMatch(/issuingStatus\s+ACTIVED/);
  });

  it("refresh finds everything as recorded", async () => {
    expect(await setup.stack.refresh()).toEqual({ same: 6 });
    expect(await setup.stack.previewNoChanges()).toEqual({ same: 6 });
  });

  it("destroy leaves no active CA or certificate behind", async () => {
    expect(await setup.stack.destroy()).toEqual({ delete: 6 });
    const inventory = await setup.emulator.inventory();
    // Deleted certificates are gone from the inventory; CAs are scheduled for deletion.
    expect(inventory.certificates).toEqual([]);
    const cas = inventory.certificate_authorities as CaEntry[];
    const listed = cas.filter((ca) => ca.listed !== false);
    expect(listed.map((ca) => [ca.id, ca.status, ca.deleted]).sort()).toEqual(
      [
        [outputString(second, "rootCaId"), "DELETED", true],
        [outputString(second, "issuingCaId"), "DELETED", true],
      ].sort(),
    );
    // What stays is the CA record the root's signature made (docs/api-facts.md §2.7): CCM offers only GET and
    // export on it — no disable, delete or revoke — and does not list it. Its certificate is the
    // one the deleted subordinate imported.
    const unlisted = cas.filter((ca) => ca.listed === false);
    expect(unlisted).toHaveLength(1);
    expect(unlisted[0]).toMatchObject({ gen_mode: "CSR", issuer_id: outputString(second, "rootCaId") });
  });
});
