// The shared schemas' responses: snake_case → camelCase mappers that accept both documented forms.
import { describe, expect, it } from "vitest";
import { CA_STATUSES, caFromWire, caWire, certificateFromWire, certificateWire } from "../../provider/schemas/index.js";
import { CA_ID } from "./pem-schemas-fixtures.js";

describe("responses: both forms", () => {
  it("reads a certificate with ms timestamps as numbers or numeric strings", () => {
    const base = {
      certificate_id: "ae9a326a-b61e-4446-854d-cda30ffe31f5",
      status: "ISSUED",
      issuer_id: CA_ID,
      freeze_flag: 0,
      gen_mode: "GENERATE",
      distinguished_name: { common_name: "TestCert", country: "CN" },
      delete_time: null,
      future_field: "ignored",
    };
    const numeric = certificateFromWire(
      certificateWire.parse({ ...base, create_time: 1645146939688, not_after: 1739754939688 }),
    );
    const strings = certificateFromWire(
      certificateWire.parse({ ...base, create_time: "1645146939688", not_after: "1739754939688", freeze_flag: "0" }),
    );
    expect(numeric).toEqual(strings);
    expect(numeric).toMatchObject({
      certificateId: base.certificate_id,
      status: "ISSUED",
      createTime: "2022-02-18T01:15:39.688Z",
      deleteTime: undefined,
      freezeFlag: 0,
      distinguishedName: { commonName: "TestCert", country: "CN", state: undefined },
    });
  });

  it("reads a CA, including booleans sent as strings", () => {
    const ca = caFromWire(
      caWire.parse({
        ca_id: CA_ID,
        type: "ROOT",
        status: "ACTIVED",
        path_length: "7",
        crl_configuration: { enabled: "false", valid_days: 7 },
        create_time: 0,
        issuer_id: null,
      }),
    );
    expect(ca).toMatchObject({
      caId: CA_ID,
      status: "ACTIVED",
      pathLength: 7,
      createTime: undefined,
      issuerId: undefined,
    });
    expect(ca.crlConfiguration).toMatchObject({ enabled: false, validDays: 7 });
    expect(CA_STATUSES).toContain(ca.status);
  });

  it("rejects a response without the fields everything depends on", () => {
    expect(certificateWire.safeParse({ status: "ISSUED" }).success).toBe(false);
    expect(certificateWire.safeParse({ certificate_id: "x", status: "ISSUED", create_time: "yesterday" }).success).toBe(
      false,
    );
  });
});
