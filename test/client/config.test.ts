// Configuration: precedence (stack config → HW_* → HUAWEICLOUD_SDK_*), endpoints, CA bundle,
// numbers, and errors that list every place they looked — without ever printing a secret.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { endpointFor } from "../../provider/client/endpoints.js";
import { CONFIG_SETTINGS, resolveConfig } from "../../provider/config.js";
import { CcmConfigError, isCcmError } from "../../provider/errors.js";

const NS = "huaweicloud-ccm";
const AKSK = { HW_ACCESS_KEY: "ENVACCESSKEY", HW_SECRET_KEY: "envSecretKey", HW_REGION_NAME: "cn-north-4" };

function configError(fn: () => unknown): CcmConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CcmConfigError) return error;
    throw error;
  }
  throw new Error("expected a CcmConfigError");
}

describe("credentials", () => {
  it("prefers the stack config over the environment", () => {
    const config = resolveConfig({ [`${NS}:accessKey`]: "STACKAK", [`${NS}:secretKey`]: "stackSk" }, AKSK);
    expect(config.credentials.kind).toBe("aksk");
    if (config.credentials.kind !== "aksk") return;
    expect(config.credentials.accessKey.reveal()).toBe("STACKAK");
    expect(config.credentials.secretKey.reveal()).toBe("stackSk");
    expect(config.credentials.sources).toBe(`access key from ${NS}:accessKey, secret key from ${NS}:secretKey`);
  });

  it("takes HW_* before the SDK variables", () => {
    const config = resolveConfig({}, { ...AKSK, HUAWEICLOUD_SDK_AK: "SDKAK", HUAWEICLOUD_SDK_SK: "sdkSk" });
    expect(config.credentials.kind === "aksk" && config.credentials.accessKey.reveal()).toBe("ENVACCESSKEY");
  });

  it("falls back to the SDK variables", () => {
    const config = resolveConfig({}, { HUAWEICLOUD_SDK_AK: "SDKAK", HUAWEICLOUD_SDK_SK: "sdkSk", HW_REGION_NAME: "r" });
    expect(config.credentials.kind === "aksk" && config.credentials.secretKey.reveal()).toBe("sdkSk");
    expect(config.credentials.sources).toContain("HUAWEICLOUD_SDK_SK");
  });

  it("completes a stack access key with a secret key from the environment, and says so", () => {
    const config = resolveConfig({ [`${NS}:accessKey`]: "STACKAK" }, { HW_SECRET_KEY: "envSk", HW_REGION_NAME: "r" });
    expect(config.credentials.sources).toBe(`access key from ${NS}:accessKey, secret key from HW_SECRET_KEY`);
  });

  it("takes the security token from the same place as the access key", () => {
    const fromEnv = resolveConfig({}, { ...AKSK, HW_SECURITY_TOKEN: "envToken" });
    expect(fromEnv.credentials.kind === "aksk" && fromEnv.credentials.securityToken?.reveal()).toBe("envToken");
    const stackKeys = resolveConfig(
      { [`${NS}:accessKey`]: "A", [`${NS}:secretKey`]: "S" },
      { ...AKSK, HW_SECURITY_TOKEN: "envToken" },
    );
    expect(stackKeys.credentials.kind === "aksk" && stackKeys.credentials.securityToken).toBeUndefined();
  });

  it("uses an IAM token when one is given instead of keys", () => {
    const config = resolveConfig({ [`${NS}:authToken`]: "stack-token" }, AKSK);
    expect(config.credentials.kind).toBe("token");
    expect(config.credentials.kind === "token" && config.credentials.authToken.reveal()).toBe("stack-token");
    expect(resolveConfig({}, { HW_AUTH_TOKEN: "t", HW_REGION_NAME: "r" }).credentials.kind).toBe("token");
  });

  it("prefers keys over a token in the same place", () => {
    expect(resolveConfig({}, { ...AKSK, HW_AUTH_TOKEN: "t" }).credentials.kind).toBe("aksk");
  });

  it("accepts bare keys for callers outside Pulumi, namespaced ones win", () => {
    const config = resolveConfig({ accessKey: "BARE", secretKey: "s", [`${NS}:accessKey`]: "NS", region: "r" }, {});
    expect(config.credentials.kind === "aksk" && config.credentials.accessKey.reveal()).toBe("NS");
  });

  it("ignores blank values", () => {
    const config = resolveConfig({ [`${NS}:accessKey`]: "  ", [`${NS}:secretKey`]: "" }, AKSK);
    expect(config.credentials.sources).toBe("access key from HW_ACCESS_KEY, secret key from HW_SECRET_KEY");
  });

  it("lists every place it looked when there are none", () => {
    const error = configError(() => resolveConfig({}, { HW_REGION_NAME: "r" }));
    expect(error.code).toBe("ERR_CCM_CONFIG");
    for (const place of [
      `${NS}:accessKey`,
      "HW_ACCESS_KEY",
      "HUAWEICLOUD_SDK_AK",
      `${NS}:secretKey`,
      "HW_SECRET_KEY",
      "HUAWEICLOUD_SDK_SK",
      `${NS}:authToken`,
      "HW_AUTH_TOKEN",
    ]) {
      expect(error.message).toContain(place);
      expect(error.looked).toContain(place);
    }
  });

  it("names the missing half of a pair", () => {
    expect(configError(() => resolveConfig({}, { HW_ACCESS_KEY: "A" })).message).toMatch(
      /no secret key; looked in .*HW_SECRET_KEY/,
    );
    expect(configError(() => resolveConfig({}, { HW_SECRET_KEY: "S" })).message).toMatch(/no access key/);
  });

  it("never prints a secret: not in JSON, inspect or templates", () => {
    const config = resolveConfig(
      { [`${NS}:accessKey`]: "AKVISIBLE", [`${NS}:secretKey`]: "SKVISIBLE", [`${NS}:securityToken`]: "TOKVISIBLE" },
      AKSK,
    );
    const printed = [
      JSON.stringify(config),
      inspect(config, { depth: 10 }),
      `${config.credentials.kind === "aksk" ? config.credentials.secretKey : ""}`,
    ].join("\n");
    for (const secret of ["AKVISIBLE", "SKVISIBLE", "TOKVISIBLE"]) expect(printed).not.toContain(secret);
    expect(printed).toContain("[redacted]");
  });
});

describe("endpoints", () => {
  it("derives all three from the region and cloud", () => {
    const config = resolveConfig({}, AKSK);
    expect(config.endpoints).toEqual({
      ccm: "https://ccm.cn-north-4.myhuaweicloud.com",
      scm: "https://scm.cn-north-4.myhuaweicloud.com",
      sms: "https://sms.cn-north-4.myhuaweicloud.com",
    });
    const eu = resolveConfig({ [`${NS}:region`]: "eu-west-101" }, { ...AKSK, HW_CLOUD: "myhuaweicloud.eu" });
    expect(eu.endpoints.ccm).toBe("https://ccm.eu-west-101.myhuaweicloud.eu");
  });

  it("uses the SDK region table's exceptions on the default cloud", () => {
    expect(resolveConfig({}, { ...AKSK, HW_REGION_NAME: "sa-brazil-1" }).endpoints.ccm).toBe(
      "https://ccm.myhuaweicloud.com",
    );
    expect(resolveConfig({}, { ...AKSK, HW_REGION_NAME: "ru-moscow-1" }).endpoints.sms).toBe(
      "https://sms-api.ru-moscow-1.myhuaweicloud.com",
    );
  });

  it("per-key stack config beats the endpoints object, which beats HW_*_ENDPOINT", () => {
    const config = resolveConfig(
      {
        [`${NS}:endpoints`]: JSON.stringify({ ccm: "http://127.0.0.1:1/", scm: "http://127.0.0.1:2" }),
        [`${NS}:ccmEndpoint`]: "http://127.0.0.1:9/base/",
      },
      { ...AKSK, HW_SCM_ENDPOINT: "http://127.0.0.1:3", HW_SMS_ENDPOINT: "http://127.0.0.1:4" },
    );
    expect(config.endpoints).toEqual({
      ccm: "http://127.0.0.1:9/base",
      scm: "http://127.0.0.1:2",
      sms: "http://127.0.0.1:4",
    });
  });

  it("needs no region when every endpoint is given", () => {
    const config = resolveConfig(
      { [`${NS}:endpoints`]: '{"ccm":"http://127.0.0.1:1","scm":"http://127.0.0.1:1","sms":"http://127.0.0.1:1"}' },
      {
        HW_ACCESS_KEY: "A",
        HW_SECRET_KEY: "S",
      },
    );
    expect(config.region).toBeUndefined();
    expect(endpointFor(config, "sms")).toBe("http://127.0.0.1:1");
  });

  it("reports a missing region when the call needs it, naming the places", () => {
    const config = resolveConfig(
      { [`${NS}:ccmEndpoint`]: "http://127.0.0.1:1" },
      { HW_ACCESS_KEY: "A", HW_SECRET_KEY: "S" },
    );
    expect(endpointFor(config, "ccm")).toBe("http://127.0.0.1:1");
    const error = configError(() => endpointFor(config, "scm"));
    for (const place of [`${NS}:region`, "HW_REGION_NAME", `${NS}:scmEndpoint`, `${NS}:endpoints`, "HW_SCM_ENDPOINT"]) {
      expect(error.message).toContain(place);
    }
  });

  it("rejects malformed endpoints and endpoint objects", () => {
    expect(configError(() => resolveConfig({ [`${NS}:endpoints`]: "{ccm:" }, AKSK)).message).toMatch(/not valid JSON/);
    expect(configError(() => resolveConfig({ [`${NS}:endpoints`]: "[]" }, AKSK)).message).toMatch(/JSON object/);
    expect(configError(() => resolveConfig({ [`${NS}:endpoints`]: '{"kms":"https://x"}' }, AKSK)).message).toMatch(
      /unknown services kms/,
    );
    expect(configError(() => resolveConfig({ [`${NS}:ccmEndpoint`]: "ftp://x" }, AKSK)).message).toMatch(/http\(s\)/);
    expect(configError(() => resolveConfig({ [`${NS}:ccmEndpoint`]: "https://u:p@x" }, AKSK)).message).toMatch(
      /credentials/,
    );
    expect(configError(() => resolveConfig({}, { ...AKSK, HW_CCM_ENDPOINT: "not a url" })).message).toMatch(
      /HW_CCM_ENDPOINT is not a URL/,
    );
  });
});

describe("plain http", () => {
  it("is allowed to loopback hosts only", () => {
    for (const url of ["http://127.0.0.1:8080", "http://127.8.9.10", "http://localhost:1", "http://[::1]:2"]) {
      expect(resolveConfig({ [`${NS}:ccmEndpoint`]: url }, AKSK).endpoints.ccm).toBe(url);
    }
    for (const url of ["http://10.0.0.5:8080", "http://ccm.example.com", "http://127.0.0.1.nip.io", "http://[::2]"]) {
      const error = configError(() => resolveConfig({}, { ...AKSK, HW_CCM_ENDPOINT: url }));
      expect(error.message).toMatch(/HW_CCM_ENDPOINT is plain http:\/\/ to a host that is not loopback/);
      expect(error.message).toContain(`${NS}:allowInsecureHttp / HW_ALLOW_INSECURE_HTTP = true`);
    }
    expect(resolveConfig({ [`${NS}:ccmEndpoint`]: "https://ccm.example.com" }, AKSK).endpoints.ccm).toBe(
      "https://ccm.example.com",
    );
  });

  it("is allowed anywhere once opted in, through the stack config or the environment", () => {
    const endpoints = JSON.stringify({ ccm: "http://10.0.0.5:8080" });
    expect(
      resolveConfig({ [`${NS}:endpoints`]: endpoints, [`${NS}:allowInsecureHttp`]: "true" }, AKSK).endpoints.ccm,
    ).toBe("http://10.0.0.5:8080");
    expect(
      resolveConfig({ [`${NS}:endpoints`]: endpoints }, { ...AKSK, HW_ALLOW_INSECURE_HTTP: "1" }).endpoints.ccm,
    ).toBe("http://10.0.0.5:8080");
    expect(
      configError(() => resolveConfig({ [`${NS}:endpoints`]: endpoints, [`${NS}:allowInsecureHttp`]: "yes" }, AKSK))
        .message,
    ).toMatch(/allowInsecureHttp must be true or false/);
  });
});

describe("numbers and the CA bundle", () => {
  it("defaults maxRetries to 5 and the timeout to 30 s", () => {
    const config = resolveConfig({}, AKSK);
    expect(config.maxRetries).toBe(5);
    expect(config.requestTimeoutMs).toBe(30_000);
  });

  it("reads maxRetries from the stack, then HW_MAX_RETRIES", () => {
    expect(resolveConfig({}, { ...AKSK, HW_MAX_RETRIES: "2" }).maxRetries).toBe(2);
    expect(resolveConfig({ [`${NS}:maxRetries`]: "0" }, { ...AKSK, HW_MAX_RETRIES: "2" }).maxRetries).toBe(0);
    expect(resolveConfig({ [`${NS}:requestTimeoutMs`]: "1500" }, AKSK).requestTimeoutMs).toBe(1500);
  });

  it("rejects numbers out of range, naming the source", () => {
    expect(configError(() => resolveConfig({}, { ...AKSK, HW_MAX_RETRIES: "-1" })).message).toMatch(
      /HW_MAX_RETRIES must be an integer/,
    );
    expect(configError(() => resolveConfig({ [`${NS}:maxRetries`]: "99" }, AKSK)).message).toMatch(/from 0 to 20/);
    expect(configError(() => resolveConfig({ [`${NS}:requestTimeoutMs`]: "1e3" }, AKSK)).message).toMatch(
      /requestTimeoutMs/,
    );
  });

  const pem = "-----BEGIN CERTIFICATE-----\r\nMIIBfake\r\n-----END CERTIFICATE-----";

  it("accepts a CA bundle as PEM text or as a file path", () => {
    expect(resolveConfig({ [`${NS}:caBundle`]: pem }, AKSK).caBundle).toBe(
      "-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n",
    );
    const dir = mkdtempSync(join(tmpdir(), "ccm-config-"));
    const file = join(dir, "ca.pem");
    writeFileSync(file, `junk before\n${pem}\n`);
    expect(resolveConfig({}, { ...AKSK, HW_CA_BUNDLE: file }).caBundle).toContain("MIIBfake");
  });

  it("rejects an unreadable or empty CA bundle", () => {
    expect(configError(() => resolveConfig({}, { ...AKSK, HW_CA_BUNDLE: "/nonexistent/ca.pem" })).message).toMatch(
      /HW_CA_BUNDLE .*ENOENT/,
    );
    expect(
      configError(() =>
        resolveConfig({ [`${NS}:caBundle`]: "-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----" }, AKSK),
      ).message,
    ).toMatch(/no PEM CERTIFICATE/);
  });

  it("errors are CcmErrors with a stable code", () => {
    const error = configError(() => resolveConfig({}, {}));
    expect(isCcmError(error)).toBe(true);
    expect(error.name).toBe("CcmConfigError");
  });
});

describe("README", () => {
  it("documents every setting, stack key and variable in the Configuration section", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const start = readme.indexOf("## Configuration");
    expect(start).toBeGreaterThan(-1);
    const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
    for (const setting of CONFIG_SETTINGS) {
      expect(section).toContain(`\`${NS}:${setting.key}\``);
      for (const variable of setting.env) expect(section).toContain(`\`${variable}\``);
    }
    expect(section).toContain("CCM_DEBUG");
    expect(section).toContain("### Retries and lost responses");
  });
});
