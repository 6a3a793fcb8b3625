// Compressed exports parsed into typed results, both response forms of export, and waiting for a
// status with backoff and a deadline.
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { CcmClient } from "../../provider/client/index.js";
import { isZip, parseExportArchive } from "../../provider/client/zip.js";
import { resolveConfig } from "../../provider/config.js";
import { CcmExportFormatError, CcmWaitTimeoutError } from "../../provider/errors.js";
import { type LocalServer, useLocalServer } from "./local-server.js";

const LEAF = "-----BEGIN CERTIFICATE-----\r\nTEVBRg==\r\n-----END CERTIFICATE-----\r\n";
const INTER = "-----BEGIN CERTIFICATE-----\r\nSU5URVI=\r\n-----END CERTIFICATE-----\r\n";
const KEY = "-----BEGIN PRIVATE KEY-----\r\nS0VZ\r\n-----END PRIVATE KEY-----\r\n";
const n = (pem: string) => pem.replace(/\r\n/g, "\n");
const CERT_ID = "ae9a326a-b61e-4446-854d-cda30ffe31f5";

describe("parseExportArchive", () => {
  it("APACHE: key, leaf and chain files", () => {
    const zip = zipSync({ "server.key": strToU8(KEY), "chain.crt": strToU8(INTER), "server.crt": strToU8(LEAF) });
    expect(isZip(zip)).toBe(true);
    const archive = parseExportArchive("APACHE", zip);
    expect(archive).toMatchObject({
      type: "APACHE",
      certificate: n(LEAF),
      certificateChain: n(INTER),
      privateKey: n(KEY),
      pfx: undefined,
    });
    expect(archive.fileNames).toEqual(["server.key", "chain.crt", "server.crt"]);
  });

  it("NGINX: the chain follows the leaf in server.crt", () => {
    const archive = parseExportArchive(
      "NGINX",
      zipSync({ "server.key": strToU8(KEY), "server.crt": strToU8(LEAF + INTER) }),
    );
    expect(archive.certificate).toBe(n(LEAF));
    expect(archive.certificateChain).toBe(n(INTER));
  });

  it("IIS and TOMCAT: keystore bytes and password; files may sit in a folder", () => {
    const pfx = Uint8Array.from([0x30, 0x82, 0x01, 0x02, 0xff]);
    const iis = parseExportArchive(
      "IIS",
      zipSync({ "app_iis/keystorePass.txt": strToU8("s3cret\r\n"), "app_iis/server.pfx": pfx }),
    );
    expect(iis).toMatchObject({ keystorePassword: "s3cret", certificate: undefined, jks: undefined });
    expect([...(iis.pfx ?? [])]).toEqual([...pfx]);
    const tomcat = parseExportArchive("TOMCAT", zipSync({ "server.jks": Uint8Array.from([0xfe, 0xed, 0xfe, 0xed]) }));
    expect(tomcat.jks).toHaveLength(4);
    expect(tomcat.keystorePassword).toBeUndefined();
  });

  it("OTHER, CSR-issued: cert.pem and chain.pem, no key", () => {
    const archive = parseExportArchive("OTHER", zipSync({ "chain.pem": strToU8(INTER), "cert.pem": strToU8(LEAF) }));
    expect(archive).toMatchObject({ certificate: n(LEAF), certificateChain: n(INTER), privateKey: undefined });
  });

  it("rejects archives without a certificate or keystore, and non-zips", () => {
    expect(() => parseExportArchive("OTHER", zipSync({ "readme.txt": strToU8("hi") }))).toThrow(CcmExportFormatError);
    expect(() => parseExportArchive("OTHER", zipSync({ "readme.txt": strToU8("hi") }))).toThrow(
      /archive holds: readme.txt/,
    );
    expect(() => parseExportArchive("OTHER", strToU8("PK\u0003\u0004garbage"))).toThrow(/not a readable zip/);
  });
});

let server: LocalServer;
useLocalServer((started) => {
  server = started;
});

function client(now?: () => Date, sleeps: number[] = []): CcmClient {
  return new CcmClient(
    resolveConfig({ "huaweicloud-ccm:ccmEndpoint": server.url }, { HW_ACCESS_KEY: "AK", HW_SECRET_KEY: "SK" }),
    {
      ...(now ? { now } : {}),
      sleep: async (ms) => void sleeps.push(ms),
    },
  );
}

describe("export over HTTP", () => {
  it("sends the documented body and reads the zip", async () => {
    const zip = zipSync({ "server.key": strToU8(KEY), "chain.pem": strToU8(INTER), "server.pem": strToU8(LEAF) });
    let body = "";
    server.setHandler((req, res) => {
      body = req.body;
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(Buffer.from(zip));
    });
    const archive = await client().certificates.exportArchive(CERT_ID, { type: "OTHER" });
    expect(JSON.parse(body)).toEqual({ type: "OTHER", is_compressed: "true" });
    expect(archive.privateKey).toBe(n(KEY));
  });

  it("accepts both forms: JSON where a zip was asked for, a zip where JSON was", async () => {
    server.setHandler((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ certificate: LEAF, certificate_chain: INTER, private_key: KEY }));
    });
    await expect(client().certificates.exportArchive(CERT_ID, { type: "APACHE" })).resolves.toMatchObject({
      certificate: n(LEAF),
      certificateChain: n(INTER),
      privateKey: n(KEY),
      fileNames: [],
    });
    const zip = zipSync({ "server.key": strToU8(KEY), "server.crt": strToU8(LEAF + INTER) });
    server.setHandler((_req, res) => {
      res.writeHead(200, { "content-type": "application/zip" });
      res.end(Buffer.from(zip));
    });
    await expect(client().certificates.exportPem(CERT_ID, { type: "NGINX" })).resolves.toMatchObject({
      certificate: n(LEAF),
      certificateChain: n(INTER),
    });
  });
});

describe("waitForStatus", () => {
  it("polls with growing pauses until the status is reached, treating not-found as not yet", async () => {
    let calls = 0;
    server.setHandler((_req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ error_code: "PCA.10010002", error_msg: "not found" }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ca_id: CERT_ID, type: "SUBORDINATE", status: calls < 4 ? "PENDING" : "ACTIVED" }));
    });
    const sleeps: number[] = [];
    const ca = await client(undefined, sleeps).cas.waitForStatus(CERT_ID, ["ACTIVED"], { initialIntervalMs: 100 });
    expect(ca.status).toBe("ACTIVED");
    expect(sleeps).toEqual([100, 150, 225]);
  });

  it("gives up at the deadline with the last status", async () => {
    server.setHandler((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ certificate_id: CERT_ID, status: "REVOKED" }));
    });
    let now = Date.parse("2025-01-01T00:00:00Z");
    const sleeps: number[] = [];
    const c = new CcmClient(
      resolveConfig({ "huaweicloud-ccm:ccmEndpoint": server.url }, { HW_ACCESS_KEY: "AK", HW_SECRET_KEY: "SK" }),
      {
        now: () => new Date(now),
        sleep: async (ms) => {
          sleeps.push(ms);
          now += ms;
        },
      },
    );
    const error = await c.certificates
      .waitForStatus(CERT_ID, ["ISSUED"], { timeoutMs: 5000, initialIntervalMs: 1000, maxIntervalMs: 2000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CcmWaitTimeoutError);
    expect(error).toMatchObject({ code: "ERR_CCM_WAIT_TIMEOUT", lastStatus: "REVOKED", wanted: ["ISSUED"] });
    expect(sleeps).toEqual([1000, 1500, 2000, 500]);
  });
});
