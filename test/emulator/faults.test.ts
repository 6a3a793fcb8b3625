// Fault injection: rules by method + path regex, count or probability, each kind's effect, and
// whether the change was committed (inventory tells).

import { beforeEach, describe, expect, test } from "vitest";
import { parseFaultFlag, parseFaultRule } from "../../emulator/faults.js";
import { CONTROL, useEmulator, withEmulator } from "./helpers/client.js";
import { certificateBody, createRoot, expectError } from "./helpers/fixtures.js";

const CERTS = "/v1/private-certificates";
const api = useEmulator();
let root: string;
beforeEach(async () => {
  root = await createRoot(api);
});

async function arm(rules: unknown) {
  const response = await api.put("/_emulator/faults", rules, CONTROL);
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json.rules;
}

async function certificateCount(): Promise<number> {
  return (await api.get("/_emulator/inventory", CONTROL)).json.certificates.length;
}

describe("kinds", () => {
  test("error: the next N matching requests fail with a PCA-style body, nothing is committed", async () => {
    await arm([{ kind: "error", method: "POST", path: "^/v1/private-certificates$", status: 503, count: 2 }]);
    for (let i = 0; i < 2; i++) {
      const response = await api.post(CERTS, certificateBody(root));
      expectError(response, 503, "PCA.00010001");
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(await certificateCount()).toBe(0);
    expect((await api.post(CERTS, certificateBody(root))).status).toBe(200);
    expect((await api.get("/_emulator/faults", CONTROL)).json.rules).toEqual([]);
  });

  test("error with a chosen code and message", async () => {
    await arm({ kind: "error", status: 502, error_code: "APIG.0202", error_msg: "Backend timeout." });
    const response = await api.get(CERTS);
    expect(response.status).toBe(502);
    expect(response.json).toEqual({ error_code: "APIG.0202", error_msg: "Backend timeout." });
  });

  test("throttle: 429 APIG.0308 with Retry-After", async () => {
    await arm({ kind: "throttle", retry_after: 7, count: 1 });
    const response = await api.get(CERTS);
    expectError(response, 429, "APIG.0308");
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.json.request_id).toBe(response.headers.get("x-request-id"));
    expect((await api.get(CERTS)).status).toBe(200);
  });

  test("latency delays the answer", async () => {
    await arm({ kind: "latency", latency_ms: 300, count: 1 });
    const started = performance.now();
    expect((await api.get(CERTS)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  test("replacing the rules ends the wait of a request a latency rule still holds", async () => {
    await arm({ kind: "latency", latency_ms: 60_000, count: 1 });
    const started = performance.now();
    const held = api.get(CERTS);
    // The request is held (its count is taken) before the rules change.
    while ((await api.get("/_emulator/faults", CONTROL)).json.rules.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await arm([]);
    expect((await held).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  test("latency adds up with a terminal fault", async () => {
    await arm([
      { kind: "latency", latency_ms: 200, count: 1 },
      { kind: "error", status: 500, count: 1 },
    ]);
    const started = performance.now();
    expect((await api.get(CERTS)).status).toBe(500);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  test("reset: the connection drops before anything is committed", async () => {
    await arm({ kind: "reset", method: "POST", path: "/v1/private-certificates$", count: 1 });
    await expect(api.post(CERTS, certificateBody(root))).rejects.toThrow();
    expect(await certificateCount()).toBe(0);
  });

  test("lost_response: the change is committed, then the connection drops unanswered", async () => {
    await arm({ kind: "lost_response", method: "POST", path: "/v1/private-certificates$", count: 1 });
    await expect(api.post(CERTS, certificateBody(root))).rejects.toThrow();
    expect(await certificateCount()).toBe(1);
    expect((await api.post(CERTS, certificateBody(root))).status).toBe(200);
    expect(await certificateCount()).toBe(2);
  });
});

describe("matching", () => {
  test("method and path regex select the requests", async () => {
    await arm({ kind: "error", method: "GET", path: "^/v1/private-certificate-authorities" });
    expect((await api.get(CERTS)).status).toBe(200);
    expect((await api.post(CERTS, certificateBody(root))).status).toBe(200);
    expect((await api.get("/v1/private-certificate-authorities")).status).toBe(500);
    expect((await api.get(`/v1/private-certificate-authorities/${root}`)).status).toBe(500);
  });

  test("probability 0 never fires, probability 1 always does; without count a rule stays", async () => {
    await arm([{ kind: "error", status: 503, probability: 0 }]);
    for (let i = 0; i < 5; i++) expect((await api.get(CERTS)).status).toBe(200);
    await arm([{ kind: "error", status: 503, probability: 1 }]);
    for (let i = 0; i < 5; i++) expect((await api.get(CERTS)).status).toBe(503);
  });

  test("the control plane is never subject to faults, and DELETE clears them", async () => {
    await arm({ kind: "reset" });
    expect((await api.get("/_emulator/health", CONTROL)).status).toBe(200);
    expect((await api.delete("/_emulator/faults", CONTROL)).status).toBe(204);
    expect((await api.get(CERTS)).status).toBe(200);
  });

  test("POST appends a rule; faulted requests are still counted as API calls", async () => {
    await api.post("/_emulator/faults", { kind: "error", count: 1 }, CONTROL);
    await api.post("/_emulator/faults", { kind: "throttle", count: 1 }, CONTROL);
    expect((await api.get("/_emulator/faults", CONTROL)).json.rules.map((r: { kind: string }) => r.kind)).toEqual([
      "error",
      "throttle",
    ]);
    const before = (await api.get("/_emulator/inventory", CONTROL)).json.requests.total;
    expect((await api.get(CERTS)).status).toBe(500);
    expect((await api.get(CERTS)).status).toBe(429);
    expect((await api.get("/_emulator/inventory", CONTROL)).json.requests.total).toBe(before + 2);
  });

  test("invalid rules are refused by the control plane", async () => {
    for (const rule of [
      { kind: "explode" },
      { kind: "latency" },
      { kind: "error", status: 200 },
      { kind: "error", path: "(" },
      { kind: "error", probability: 2 },
      { kind: "error", count: 0 },
      { kind: "error", colour: "red" },
    ]) {
      const response = await api.put("/_emulator/faults", [rule], CONTROL);
      expect(response.status).toBe(400);
      expect(response.json.error_code).toBe("EMULATOR.CONTROL");
    }
  });
});

describe("rules from flags", () => {
  test("key=value;… and JSON forms", () => {
    expect(parseFaultFlag("kind=error;status=503;method=post;path=^/v1/private-certificates$;count=2")).toMatchObject({
      kind: "error",
      status: 503,
      method: "POST",
      path: "^/v1/private-certificates$",
      count: 2,
    });
    expect(parseFaultFlag('{"kind":"throttle","retry_after":3,"probability":0.5}')).toMatchObject({
      kind: "throttle",
      retry_after: 3,
      probability: 0.5,
    });
    expect(() => parseFaultFlag("kind=error;status")).toThrow();
    expect(() => parseFaultRule({ kind: "latency", latency_ms: -1 })).toThrow();
  });

  test("startEmulator({faults}) arms rules at start and again after a reset", async () => {
    await withEmulator({ faults: [{ kind: "error", status: 503, count: 1 }] }, async (faulty) => {
      expect((await faulty.get(CERTS)).status).toBe(503);
      expect((await faulty.get(CERTS)).status).toBe(200);
      await faulty.post("/_emulator/reset", undefined, CONTROL);
      expect((await faulty.get(CERTS)).status).toBe(503);
    });
  });
});
