// What an uncertain create tells a Pulumi user: the candidate ids and steps that work with a
// dynamic provider (check, delete, up again; or keep one with get), never `pulumi import`.
import { describe, expect, it } from "vitest";
import { CcmCreateAmbiguousError, CcmCreateOutcomeUnknownError, CcmTimeoutError } from "../../provider/errors.js";
import { explainUncertainCreate, UncertainCreateError } from "../../provider/resources/shared/create-explain.js";

const SUBJECT = { className: "PrivateCertificate", apiPath: "/v1/private-certificates" };
const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";

describe("explainUncertainCreate", () => {
  it("an ambiguous create names the candidates, says one is this step's, and how to go on", () => {
    const error = explainUncertainCreate(new CcmCreateAmbiguousError("certificate", '"x" from CA y', [A, B]), SUBJECT);
    expect(error).toBeInstanceOf(UncertainCreateError);
    const message = (error as Error).message;
    expect(message).toContain(`${A}, ${B}`);
    expect(message).toContain("Nothing was recorded in the stack");
    expect(message).toContain("one of them was made by this step");
    expect(message).toContain('PrivateCertificate.get("<name>", "<id>")');
    expect(message).toContain("DELETE /v1/private-certificates/<id>");
    expect(message).not.toMatch(/\(pulumi import\)|adopt the right one/);
    expect((error as UncertainCreateError).candidateIds).toEqual([A, B]);
    expect((error as UncertainCreateError).code).toBe("ERR_CCM_CREATE_AMBIGUOUS");
  });

  it("an unknown outcome with unverified candidates names them", () => {
    const cause = new CcmCreateOutcomeUnknownError("certificate", '"x"', "HTTP 502, and the lookup failed", {
      candidateIds: [A],
    });
    const message = (explainUncertainCreate(cause, SUBJECT) as Error).message;
    expect(message).toContain(`it may be one of ${A}`);
    expect(message).toContain(`any of them may be; check ${A}`);
  });

  it("an unknown outcome without candidates says where to look", () => {
    const cause = new CcmCreateOutcomeUnknownError("certificate", '"x"', "two attempts ended ambiguously");
    const message = (explainUncertainCreate(cause, SUBJECT) as Error).message;
    expect(message).toContain("GET /v1/private-certificates?name=<common name>");
    expect(message).toContain("then run `pulumi up` again");
  });

  it("passes other errors through unchanged", () => {
    const other = new CcmTimeoutError({ service: "ccm", method: "GET", path: "/x" }, 1000, true, 1);
    expect(explainUncertainCreate(other, SUBJECT)).toBe(other);
    const plain = new Error("plain");
    expect(explainUncertainCreate(plain, SUBJECT)).toBe(plain);
  });
});
