// maxConnections (huaweicloud-ccm:maxConnections / HW_CCM_MAX_CONNECTIONS): how it resolves, and that
// the pool really holds at most that many sockets when calls overlap.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAllPools, poolCount } from "../../provider/client/http.js";
import { CcmClient } from "../../provider/client/index.js";
import { DEFAULT_MAX_CONNECTIONS, resolveConfig } from "../../provider/config.js";
import { CcmConfigError } from "../../provider/errors.js";
import { type LocalServer, startLocalServer } from "./local-server.js";

const NS = "huaweicloud-ccm";
const AKSK = { HW_ACCESS_KEY: "LOCALACCESSKEY000000", HW_SECRET_KEY: "localSecretKey", HW_REGION_NAME: "cn-north-4" };
const CERT_ID = "ae9a326a-b61e-4446-854d-cda30ffe31f5";
const CERT = { certificate_id: CERT_ID, status: "ISSUED", create_time: 1645146939688, distinguished_name: {} };

describe("resolution", () => {
  it("defaults to 16, reads the stack config first, then HW_CCM_MAX_CONNECTIONS", () => {
    expect(DEFAULT_MAX_CONNECTIONS).toBe(16);
    expect(resolveConfig({}, AKSK).maxConnections).toBe(16);
    expect(resolveConfig({}, { ...AKSK, HW_CCM_MAX_CONNECTIONS: "1" }).maxConnections).toBe(1);
    expect(
      resolveConfig({ [`${NS}:maxConnections`]: "4" }, { ...AKSK, HW_CCM_MAX_CONNECTIONS: "1" }).maxConnections,
    ).toBe(4);
  });

  it("refuses 0, fractions and more than 256, naming the source", () => {
    for (const [stack, env, source] of [
      [{ [`${NS}:maxConnections`]: "0" }, {}, `${NS}:maxConnections`],
      [{}, { HW_CCM_MAX_CONNECTIONS: "1.5" }, "HW_CCM_MAX_CONNECTIONS"],
      [{}, { HW_CCM_MAX_CONNECTIONS: "257" }, "HW_CCM_MAX_CONNECTIONS"],
    ] as const) {
      expect(() => resolveConfig(stack, { ...AKSK, ...env })).toThrow(CcmConfigError);
      expect(() => resolveConfig(stack, { ...AKSK, ...env })).toThrow(`${source} must be an integer from 1 to 256`);
    }
  });
});

describe("the pool", () => {
  let server: LocalServer;
  beforeAll(async () => {
    // Slow answers, so that concurrent calls really overlap and want a socket each.
    server = await startLocalServer((_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json", "x-request-id": "req-local" });
        res.end(JSON.stringify(CERT));
      }, 50);
    });
  });
  afterAll(async () => {
    await closeAllPools();
    await server.close();
  });

  async function connectionsFor(maxConnections: string, concurrent: number): Promise<number> {
    const client = new CcmClient(
      resolveConfig({ [`${NS}:ccmEndpoint`]: server.url }, { ...AKSK, HW_CCM_MAX_CONNECTIONS: maxConnections }),
    );
    const before = server.connections();
    await Promise.all(Array.from({ length: concurrent }, () => client.certificates.get(CERT_ID)));
    return server.connections() - before;
  }

  it("with 1, eight overlapping calls queue on one connection", async () => {
    expect(await connectionsFor("1", 8)).toBe(1);
  });

  it("with 4, they spread over four; each size gets its own pool", async () => {
    const pools = poolCount();
    expect(await connectionsFor("4", 8)).toBe(4);
    expect(poolCount()).toBe(pools + 1);
  });
});
