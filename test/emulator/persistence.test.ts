// --data-dir durability with a real process: acknowledged writes survive SIGKILL, including writes
// acknowledged while others were still in flight when the process died.

import { expect, test } from "vitest";
import { type Child, useBuiltCli } from "../harness/emulator-process.js";
import { remoteApi } from "./helpers/client.js";
import { certificateBody, expectError, rootBody } from "./helpers/fixtures.js";

const CERTS = "/v1/private-certificates";
const CAS = "/v1/private-certificate-authorities";

const built = useBuiltCli("ccm-emulator-data-");

function start(): Promise<Child> {
  return built.spawn(["--port", "0", "--data-dir", built.dir]);
}

async function kill(child: Child): Promise<void> {
  child.process.kill("SIGKILL");
  expect(await child.exited).toBe("SIGKILL");
}

test("every acknowledged write survives SIGKILL and a restart on the same data dir", async () => {
  const first = await start();
  const api = remoteApi(first.url);
  const root = (await api.post(CAS, rootBody())).json.ca_id as string;
  const revoked = (await api.post(CERTS, certificateBody(root, { key_algorithm: "RSA2048" }))).json.certificate_id;
  expect((await api.post(`${CERTS}/${revoked}/revoke`, { reason: "SUPERSEDED" })).status).toBe(204);
  const tagged = (await api.post(CERTS, certificateBody(root))).json.certificate_id;
  expect((await api.post(`${CERTS}/${tagged}/tags/create`, { tags: [{ key: "env", value: "ci" }] })).status).toBe(204);
  const deleted = (await api.post(CERTS, certificateBody(root))).json.certificate_id;
  expect((await api.delete(`${CERTS}/${deleted}`)).status).toBe(204);
  expect((await api.post("/_emulator/seed", { sms_tasks: [{ id: "task-1" }] }, { auth: "none" })).status).toBe(200);
  // The last write is acknowledged and the process dies at once.
  const last = await api.post(`${CAS}/${root}/tags/create`, { tags: [{ key: "last", value: "write" }] });
  expect(last.status).toBe(204);
  await kill(first);

  const second = await start();
  const again = remoteApi(second.url);
  expect((await again.get(`${CERTS}/${revoked}`)).json.status).toBe("REVOKED");
  expect((await again.get(`${CERTS}/${tagged}/tags`)).json.tags).toEqual([{ key: "env", value: "ci" }]);
  expectError(await again.get(`${CERTS}/${deleted}`), 400, "PCA.10010002");
  expect((await again.get(`${CAS}/${root}/tags`)).json.tags).toEqual([{ key: "last", value: "write" }]);
  // Keys were persisted too: the tagged certificate exports with its key, the CA still issues.
  const exported = await again.post(`${CERTS}/${tagged}/export`, { type: "OTHER", is_compressed: false });
  expect(exported.json.private_key).toContain("PRIVATE KEY");
  expect((await again.post(CERTS, certificateBody(root))).status).toBe(200);
  expect((await again.get("/_emulator/inventory", { auth: "none" })).json.sms_tasks).toEqual([{ id: "task-1" }]);
  await kill(second);
});

test("writes acknowledged while others were in flight survive a SIGKILL mid-burst", async () => {
  const first = await start();
  const api = remoteApi(first.url);
  const root = (await api.post(CAS, rootBody())).json.ca_id as string;
  const acknowledged: string[] = [];
  let killed = false;
  const burst = Array.from({ length: 40 }, async () => {
    try {
      const response = await api.post(CERTS, certificateBody(root));
      if (response.status === 200 && !killed) {
        acknowledged.push(response.json.certificate_id);
        if (acknowledged.length === 10) {
          killed = true;
          first.process.kill("SIGKILL");
        }
      }
    } catch {
      // NO-OP: requests cut off by the kill were never acknowledged, so nothing is owed for them.
    }
  });
  await Promise.all(burst);
  expect(await first.exited).toBe("SIGKILL");
  expect(acknowledged.length).toBeGreaterThanOrEqual(10);

  const second = await start();
  const again = remoteApi(second.url);
  for (const id of acknowledged) expect((await again.get(`${CERTS}/${id}`)).json.status).toBe("ISSUED");
  await kill(second);
});
