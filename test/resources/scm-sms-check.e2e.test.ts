// Bad input to the SCM and SMS resources (test/programs/scm-sms-bad-input) is refused at preview,
// each bad property named, before any API call: an emulator per resource, whose request counter
// still reads zero after the preview.
import { describe, expect, it } from "vitest";
import { useEmulatorStack } from "../harness/emulator.js";

const CASES = [
  {
    type: "ScmCertificateBundle",
    resource: "scm",
    input: "a bad id",
    named: "certificateId and the expected form",
    expected: [
      /certificateId.*must be an SCM certificate id: exactly 16 letters, digits, "-" or "_", like "scs1554192131150"/,
    ],
  },
  {
    type: "MigrationTaskCertKey",
    resource: "sms",
    input: "bad input",
    named: "taskId and enableCaCert",
    expected: [
      /taskId.*must be an SMS migration task id: 1–36 letters, digits, "-" or "_"/,
      /enableCaCert.*must be a boolean \(got a string\)/,
    ],
  },
];

describe.each(CASES)(
  "$type check: $input is refused at preview, with zero API calls",
  ({ resource, named, expected }) => {
    const setup = useEmulatorStack({ program: "test/programs/scm-sms-bad-input", config: { resource } });

    it(`names ${named}`, async () => {
      const message = await setup.stack.previewFailure();
      for (const pattern of expected) expect(message).toMatch(pattern);
      expect(await setup.emulator.requestCount()).toBe(0);
    });
  },
);
