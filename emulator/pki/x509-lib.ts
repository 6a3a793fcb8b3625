// The one place that loads @peculiar/x509, so every PKI file gets it with its polyfill in place.
// GOTCHA: @peculiar/x509 2.x resolves its algorithm registry through tsyringe, which throws at
// import time unless a Reflect metadata polyfill is already loaded. This import must come first.
import "reflect-metadata";
import { webcrypto } from "node:crypto";

export * as x509 from "@peculiar/x509";

/**
 * The WebCrypto implementation handed to @peculiar/x509 and pkijs on every call. Passing it
 * explicitly (instead of setting the libraries' global providers) keeps this module free of
 * process-wide side effects on code that shares those libraries.
 */
export const crypto: webcrypto.Crypto = webcrypto;
