// A function token this version does not know: a program written for a newer package.
export class UnknownFunctionError extends Error {
  constructor(readonly token: string) {
    super(
      `pulumi-huaweicloud-ccm: no function "${token}" in the installed plugin; the program was written for a newer version — upgrade the plugin`,
    );
    this.name = "UnknownFunctionError";
  }
}
