// What keeps the control plane from being driven by a web page or a stranger: JSON bodies only, no
// browser Origin, an optional bearer token (required off loopback), and bounds on what faults and
// the clock may be set to.

import { request } from "node:http";
import { describe, expect, test } from "vitest";
import { MAX_CLOCK_OFFSET_MS } from "../../emulator/clock.js";
import { checkExposure, ExposureError, isLoopbackHost } from "../../emulator/exposure.js";
import { MAX_FAULT_LATENCY_MS, MAX_FAULT_RULES } from "../../emulator/faults.js";
import { startEmulator } from "../../emulator/index.js";
import { type Api, CONTROL, startTestEmulator, useEmulator, withEmulator } from "./helpers/client.js";
import { createRoot } from "./helpers/fixtures.js";

const api = useEmulator();

async function caCount(target: Api = api): Promise<number> {
  return (await target.get("/_emulator/inventory", CONTROL)).json.certificate_authorities.length;
}

describe("requests a web page could send are refused", () => {
  test("a text/plain or form body (a CORS 'simple request') is 415 and changes nothing", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const seeded = await api.call("POST", "/_emulator/seed", {
        rawBody: JSON.stringify({ sms_tasks: [{ id: "from-a-page" }] }),
        headers: { "Content-Type": type },
        auth: "none",
      });
      expect(seeded.status, type).toBe(415);
      expect(seeded.json.error_code).toBe("EMULATOR.CONTROL");
    }
    expect((await api.get("/_emulator/inventory", CONTROL)).json.sms_tasks).toEqual([]);
  });

  test("a JSON body with parameters in the media type is accepted", async () => {
    const seeded = await api.call("POST", "/_emulator/seed", {
      rawBody: JSON.stringify({ sms_tasks: [{ id: "t" }] }),
      headers: { "Content-Type": "Application/JSON; charset=utf-8" },
      auth: "none",
    });
    expect(seeded.status).toBe(200);
  });

  test("any request with an Origin header is 403, even a bodiless reset", async () => {
    await createRoot(api);
    for (const origin of ["https://evil.example", "null", `${api.url}`]) {
      const reset = await api.call("POST", "/_emulator/reset", { auth: "none", headers: { Origin: origin } });
      expect(reset.status, origin).toBe(403);
      expect(reset.json.error_code).toBe("EMULATOR.CONTROL");
      const read = await api.call("GET", "/_emulator/inventory", { auth: "none", headers: { Origin: origin } });
      expect(read.status).toBe(403);
    }
    expect(await caCount()).toBe(1);
  });
});

/** A control request with a given Host header (what a DNS-rebinding page's requests carry). */
function withHost(target: Api, method: string, name: string, host: string, token?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: host };
    if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    const req = request(`${target.url}/_emulator/${name}`, { method, headers, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("DNS rebinding", () => {
  test("without a token, only requests addressed to a loopback host name are answered", async () => {
    await createRoot(api);
    const port = api.emulator.port;
    for (const host of [`attacker.example:${port}`, "attacker.example", `192.168.1.5:${port}`]) {
      expect(await withHost(api, "GET", "inventory", host), host).toBe(403);
      expect(await withHost(api, "POST", "reset", host), host).toBe(403);
    }
    expect(await caCount()).toBe(1);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, "127.0.0.1"]) {
      expect(await withHost(api, "GET", "health", host), host).toBe(200);
    }
  });

  test("with a token, any host name will do (a container is reached by its service name)", async () => {
    await withEmulator({ controlToken: "t" }, async (guarded) => {
      expect(await withHost(guarded, "GET", "health", "ccm-emulator:8443", "t")).toBe(200);
      expect(await withHost(guarded, "GET", "health", "ccm-emulator:8443")).toBe(401);
    });
  });
});

describe("--control-token", () => {
  test("every control request needs Authorization: Bearer <token>; the API is unaffected", async () => {
    await withEmulator({ controlToken: "s3cret-control" }, async (guarded) => {
      await createRoot(guarded);
      const refused: Record<string, string>[] = [
        {},
        { Authorization: "Bearer wrong" },
        { Authorization: "s3cret-control" },
      ];
      for (const headers of refused) {
        const reset = await guarded.call("POST", "/_emulator/reset", { auth: "none", headers });
        expect(reset.status, JSON.stringify(headers)).toBe(401);
        expect((await guarded.call("GET", "/_emulator/health", { auth: "none", headers })).status).toBe(401);
      }
      const withToken = { auth: "none", headers: { Authorization: "Bearer s3cret-control" } } as const;
      expect((await guarded.get("/_emulator/inventory", withToken)).json.certificate_authorities).toHaveLength(1);
      expect((await guarded.post("/_emulator/reset", undefined, withToken)).status).toBe(204);
      expect((await guarded.get("/_emulator/inventory", withToken)).json.certificate_authorities).toHaveLength(0);
      // The token and Origin checks add up: a page that somehow knew the token is still refused.
      const fromPage = await guarded.call("POST", "/_emulator/reset", {
        auth: "none",
        headers: { ...withToken.headers, Origin: "https://evil.example" },
      });
      expect(fromPage.status).toBe(403);
    });
  });

  test("a non-loopback address needs one (checked before anything listens)", async () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "::1", "localhost", "[::1]", "::ffff:127.0.0.1"]) {
      expect(isLoopbackHost(host), host).toBe(true);
      expect(() => checkExposure(host, undefined)).not.toThrow();
    }
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.com", "::ffff:10.0.0.1"]) {
      expect(isLoopbackHost(host), host).toBe(false);
      expect(() => checkExposure(host, undefined), host).toThrow(ExposureError);
      expect(() => checkExposure(host, ""), host).toThrow(ExposureError);
      expect(() => checkExposure(host, "a-token"), host).not.toThrow();
    }
    // startEmulator refuses before binding: the promise rejects with no server left behind.
    await expect(startEmulator({ host: "0.0.0.0", port: 0, log: () => {} })).rejects.toThrow(ExposureError);
  });
});

describe("bounds", () => {
  test(`at most ${MAX_FAULT_RULES} fault rules; a refused PUT or POST changes nothing`, async () => {
    const many = Array.from({ length: MAX_FAULT_RULES + 1 }, () => ({ kind: "error", count: 1 }));
    expect((await api.put("/_emulator/faults", many, CONTROL)).status).toBe(400);
    expect((await api.put("/_emulator/faults", many.slice(1), CONTROL)).status).toBe(200);
    const more = await api.post("/_emulator/faults", [{ kind: "error" }], CONTROL);
    expect(more.status).toBe(400);
    expect(more.json.error_msg).toContain(String(MAX_FAULT_RULES));
    expect((await api.get("/_emulator/faults", CONTROL)).json.rules).toHaveLength(MAX_FAULT_RULES);
    await api.delete("/_emulator/faults", CONTROL);
    await expect(startTestEmulator({ faults: many })).rejects.toThrow(/at most/);
  });

  test(`latency_ms is at most ${MAX_FAULT_LATENCY_MS} per rule`, async () => {
    const slow = await api.put(
      "/_emulator/faults",
      [{ kind: "latency", latency_ms: MAX_FAULT_LATENCY_MS + 1 }],
      CONTROL,
    );
    expect(slow.status).toBe(400);
    const limit = await api.put("/_emulator/faults", [{ kind: "latency", latency_ms: MAX_FAULT_LATENCY_MS }], CONTROL);
    expect(limit.status).toBe(200);
  });

  test("the clock offset stays within ±100 years; a refused value changes nothing", async () => {
    for (const body of [
      { offset_ms: MAX_CLOCK_OFFSET_MS + 1 },
      { offset_ms: -MAX_CLOCK_OFFSET_MS - 1 },
      { offset_ms: 8.64e15 },
      { advance_ms: Number.MAX_SAFE_INTEGER },
    ]) {
      const response = await api.post("/_emulator/clock", body, CONTROL);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error_code).toBe("EMULATOR.CONTROL");
    }
    expect((await api.post("/_emulator/clock", { offset_ms: MAX_CLOCK_OFFSET_MS }, CONTROL)).status).toBe(200);
    expect((await api.post("/_emulator/clock", { advance_ms: 1 }, CONTROL)).status).toBe(400);
    expect((await api.get("/_emulator/clock", CONTROL)).json.offset_ms).toBe(MAX_CLOCK_OFFSET_MS);
    // Far in the future, the API still answers with valid dates.
    const listed = await api.get("/v1/private-certificates");
    expect(listed.status).toBe(200);
    expect(Number.isNaN(Date.parse(listed.headers.get("date") ?? ""))).toBe(false);
  });
});
