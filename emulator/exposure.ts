// Who can reach the emulator, and what that requires. Bound to loopback, only local processes can
// talk to it; bound anywhere else (0.0.0.0 in a container, a LAN address), anyone on the network
// can, and the control plane can wipe its data directory or replace keys: so a control token is
// then required, checked before anything listens.

import { isIPv4, isIPv6 } from "node:net";

export class ExposureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExposureError";
  }
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and "localhost". Any other name might resolve anywhere. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  if (bare.toLowerCase() === "localhost") return true;
  if (isIPv4(bare)) return bare.startsWith("127.");
  if (!isIPv6(bare)) return false;
  const lower = bare.toLowerCase();
  if (lower === "::1" || lower === "0:0:0:0:0:0:0:1") return true;
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  return mapped !== null && isIPv4(mapped[1]!) && mapped[1]!.startsWith("127.");
}

/** ExposureError when `host` is not loopback and there is no control token. */
export function checkExposure(host: string, controlToken: string | undefined): void {
  if (!isLoopbackHost(host) && (controlToken === undefined || controlToken === "")) {
    throw new ExposureError(
      `listening on ${host} (not loopback) needs a control token (--control-token or CCM_EMULATOR_CONTROL_TOKEN): ` +
        "anyone who can reach the port could otherwise reset or reseed the emulator",
    );
  }
}

/** Lines the CLI prints at start: what is exposed, and to whom. */
export function exposureWarnings(host: string, controlToken: string | undefined): string[] {
  const warnings: string[] = [];
  if (!isLoopbackHost(host)) {
    warnings.push(
      `warning: listening on ${host}, reachable from other machines; the API accepts the credentials above ` +
        "and the control plane anyone with the control token",
    );
  }
  if (controlToken === undefined) {
    warnings.push(
      "warning: the control plane (/_emulator/) has no token: any local process can reset, reseed or fault " +
        "the emulator (set --control-token to require one)",
    );
  }
  return warnings;
}
