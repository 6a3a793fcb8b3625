// HTTPS: verification is always on; a private endpoint is trusted by adding its CA (caBundle),
// and each CA bundle gets its own pool. The server certificate is made with openssl, as an
// emulator in HTTPS mode or a private gateway would present.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAllPools, poolCount } from "../../provider/client/http.js";
import { CcmClient } from "../../provider/client/index.js";
import { resolveConfig } from "../../provider/config.js";
import { CcmNetworkError } from "../../provider/errors.js";

const CERT_ID = "ae9a326a-b61e-4446-854d-cda30ffe31f5";
let url = "";
let caFile = "";
let close: () => Promise<void> = async () => {};
let requests = 0;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "ccm-tls-"));
  const key = join(dir, "key.pem");
  caFile = join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=ccm-test-endpoint",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      caFile,
    ],
    { stdio: "ignore" },
  );
  const server = createServer({ key: readFileSync(key), cert: readFileSync(caFile) }, (_req, res) => {
    requests++;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ certificate_id: CERT_ID, status: "ISSUED" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await closeAllPools();
  await close();
});

const keys = { HW_ACCESS_KEY: "AK", HW_SECRET_KEY: "SK" };

describe("TLS", () => {
  it("refuses an untrusted certificate, without retrying, and says how to trust it", async () => {
    const client = new CcmClient(resolveConfig({ "huaweicloud-ccm:ccmEndpoint": url }, keys));
    const error = await client.certificates.get(CERT_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CcmNetworkError);
    expect(error).toMatchObject({ transportCode: "DEPTH_ZERO_SELF_SIGNED_CERT", written: false, attempts: 1 });
    expect((error as Error).message).toContain("caBundle / HW_CA_BUNDLE");
    expect(requests).toBe(0);
  });

  it("trusts the endpoint once its CA is in the bundle (file path or PEM text), one pool per bundle", async () => {
    const before = poolCount();
    const fromFile = new CcmClient(
      resolveConfig({ "huaweicloud-ccm:ccmEndpoint": url }, { ...keys, HW_CA_BUNDLE: caFile }),
    );
    await expect(fromFile.certificates.get(CERT_ID)).resolves.toMatchObject({
      certificateId: CERT_ID,
      status: "ISSUED",
    });
    const fromText = new CcmClient(
      resolveConfig(
        { "huaweicloud-ccm:ccmEndpoint": url, "huaweicloud-ccm:caBundle": readFileSync(caFile, "utf8") },
        keys,
      ),
    );
    await fromText.certificates.get(CERT_ID);
    // Same bundle content → same pool; the untrusting pool of the first test is separate.
    expect(poolCount() - before).toBe(1);
    expect(requests).toBe(2);
  });
});
