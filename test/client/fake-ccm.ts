// A minimal in-memory CCM for the lost-response tests: apply, CA create, get and list (with the
// `name` filter), export (a real certificate carrying the apply's extensions, made at export time),
// with hooks that decide per request whether to process it and whether to answer.
import type { ServerResponse } from "node:http";
import { type ExtendedKeyUsage, generateKeyPair, issueCertificate, type KeyUsage } from "../../emulator/pki/index.js";
import type { Handler, RecordedRequest } from "./local-server.js";

export interface FakeCert {
  certificate_id: string;
  status: string;
  issuer_id: string;
  key_algorithm: string;
  signature_algorithm: string;
  gen_mode: string;
  create_time: number;
  distinguished_name: { common_name: string };
  /** The apply body that made it, for the exported certificate's extensions and validity. */
  request?: ApplyBody;
}

export interface ApplyBody {
  validity?: { type: string; value: number; start_from?: number };
  key_usages?: KeyUsage[];
  subject_alternative_names?: { type: "DNS" | "IP" | "EMAIL" | "URI"; value: string }[];
  extended_key_usage?: Record<string, boolean>;
}

export interface FakeCa {
  ca_id: string;
  type: string;
  status: string;
  key_algorithm: string;
  create_time: number;
  distinguished_name: Record<string, string>;
  not_before?: number;
  not_after?: number;
}

/** What to do with a create: process it or not, then answer, destroy the socket, or fail. */
export type CreateBehaviour = { process: boolean; reply: "ok" | "reset" | { status: number; retryAfter?: string } };

export interface FakeCcm {
  handler: Handler;
  certificates: FakeCert[];
  cas: FakeCa[];
  /** Behaviour of the n-th create (0-based); default: process and answer. */
  createBehaviour: (n: number) => CreateBehaviour;
  /** Offset of the fake service's clock from ours. */
  clockOffsetMs: number;
  sendDate: boolean;
  listFails: boolean;
  /** Answer exports with 403 (as without the export permission). */
  exportFails: boolean;
  creates: number;
  lists: number;
  exports: number;
}

let counter = 0;
export function fakeId(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, "0")}`;
}

export function createFakeCcm(): FakeCcm {
  const fake: FakeCcm = {
    certificates: [],
    cas: [],
    createBehaviour: () => ({ process: true, reply: "ok" }),
    clockOffsetMs: 0,
    sendDate: true,
    listFails: false,
    exportFails: false,
    creates: 0,
    lists: 0,
    exports: 0,
    handler: (req, res) => route(fake, req, res),
  };
  return fake;
}

function send(
  fake: FakeCcm,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.sendDate = false;
  const all: Record<string, string> = { "content-type": "application/json", ...headers };
  if (fake.sendDate) all.date = new Date(Date.now() + fake.clockOffsetMs).toUTCString();
  res.writeHead(status, all);
  res.end(JSON.stringify(body));
}

const EKU_FIELDS: Record<string, ExtendedKeyUsage> = {
  server_auth: "serverAuth",
  client_auth: "clientAuth",
  code_signing: "codeSigning",
  email_protection: "emailProtection",
  time_stamping: "timeStamping",
};
const UNIT_MS: Record<string, number> = { HOUR: 3_600_000, DAY: 86_400_000, MONTH: 31 * 86_400_000 };

/** A self-signed certificate with what the apply asked for (the issuer does not matter here). */
async function certificatePem(cert: FakeCert): Promise<string> {
  const body = cert.request ?? { validity: { type: "DAY", value: 30 } };
  const validity = body.validity ?? { type: "DAY", value: 30 };
  const notBefore = validity.start_from ?? cert.create_time;
  const keys = await generateKeyPair("EC256");
  return issueCertificate({
    subject: { commonName: cert.distinguished_name.common_name },
    publicKeyPem: keys.publicKeyPem,
    issuer: "self",
    selfPrivateKeyPem: keys.privateKeyPem,
    signatureAlgorithm: "SHA256",
    serialNumberHex: "01",
    notBefore: new Date(notBefore),
    notAfter: new Date(notBefore + validity.value * (UNIT_MS[validity.type] ?? UNIT_MS.DAY!)),
    keyUsages: body.key_usages,
    subjectAltNames: body.subject_alternative_names,
    extendedKeyUsages: Object.entries(body.extended_key_usage ?? {})
      .filter(([, on]) => on)
      .map(([field]) => EKU_FIELDS[field]!),
  });
}

async function route(fake: FakeCcm, req: RecordedRequest, res: ServerResponse): Promise<void> {
  const [path = "", query = ""] = req.url.split("?");
  const params = new URLSearchParams(query);
  const now = Date.now() + fake.clockOffsetMs;
  if (
    req.method === "POST" &&
    (path === "/v1/private-certificates" || path === "/v1/private-certificate-authorities")
  ) {
    const behaviour = fake.createBehaviour(fake.creates++);
    const body = JSON.parse(req.body) as Record<string, unknown>;
    let id = "";
    if (behaviour.process) {
      id = fakeId();
      const dn = body.distinguished_name as Record<string, string>;
      if (path === "/v1/private-certificates") {
        fake.certificates.push({
          certificate_id: id,
          status: "ISSUED",
          issuer_id: String(body.issuer_id),
          key_algorithm: String(body.key_algorithm),
          signature_algorithm: String(body.signature_algorithm),
          gen_mode: "GENERATE",
          create_time: now,
          distinguished_name: { common_name: dn.common_name ?? "" },
          request: body as ApplyBody,
        });
      } else {
        fake.cas.push({
          ca_id: id,
          type: String(body.type),
          status: "ACTIVED",
          key_algorithm: String(body.key_algorithm),
          create_time: now,
          distinguished_name: dn,
        });
      }
    }
    if (behaviour.reply === "reset") {
      res.socket?.destroy();
      return;
    }
    if (behaviour.reply !== "ok") {
      const headers: Record<string, string> = behaviour.reply.retryAfter
        ? { "retry-after": behaviour.reply.retryAfter }
        : {};
      send(fake, res, behaviour.reply.status, { error_code: "PCA.FAKE", error_msg: "injected" }, headers);
      return;
    }
    send(fake, res, 200, path.endsWith("authorities") ? { ca_id: id } : { certificate_id: id });
    return;
  }
  if (req.method === "GET" && (path === "/v1/private-certificates" || path === "/v1/private-certificate-authorities")) {
    fake.lists++;
    if (fake.listFails) {
      send(fake, res, 403, { error_code: "PCA.00010403", error_msg: "no list permission" });
      return;
    }
    const name = params.get("name") ?? "";
    const items = path.endsWith("authorities")
      ? fake.cas.filter((ca) => (ca.distinguished_name.common_name ?? "").includes(name))
      : fake.certificates.filter((c) => c.distinguished_name.common_name.includes(name));
    const offset = Number(params.get("offset") ?? 0);
    const limit = Number(params.get("limit") ?? 10);
    const page = [...items].sort((a, b) => b.create_time - a.create_time).slice(offset, offset + limit);
    send(
      fake,
      res,
      200,
      path.endsWith("authorities")
        ? { total: items.length, certificate_authorities: page }
        : { total: items.length, certificates: page },
    );
    return;
  }
  const exported = req.method === "POST" ? /^\/v1\/private-certificates\/([^/]+)\/export$/.exec(path) : null;
  const cert = exported ? fake.certificates.find((c) => c.certificate_id === exported[1]) : undefined;
  if (cert) {
    fake.exports++;
    if (fake.exportFails) {
      send(fake, res, 403, { error_code: "PCA.00010403", error_msg: "no export permission" });
      return;
    }
    send(fake, res, 200, { certificate: await certificatePem(cert), certificate_chain: "" });
    return;
  }
  send(fake, res, 400, { error_code: "PCA.10010002", error_msg: "not found" });
}
