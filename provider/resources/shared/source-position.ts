// Pulumi records in state where each resource was declared — `sourcePosition`, and the
// `stackTrace` it comes from — by parsing `new Error().stack` in Resource's constructor and
// skipping a fixed number of frames: the SDK's own and one for the class, which for a provider's
// class (aws.s3.Bucket) leaves the user's `new Bucket(...)` line on top. A dynamic resource has one
// SDK layer more (dynamic.Resource) and ours their own class layers (CcmResource,
// ExportedCertificateResource, the resource), so the recorded position would be a line of this
// package for every resource, and each trace would carry our frames. While one of our resources
// registers, stack traces leave this package's frames out: the position is the user's line, as
// for any other provider's resource, and the state is smaller. No library does this (V8's
// Error.captureStackTrace only hides frames of an Error we create; Pulumi creates this one).
import path from "node:path";

/** This package's compiled library (dist/provider), or its sources when they run untranspiled. */
const OWN_DIRECTORY = path.resolve(__dirname, "..") + path.sep;

type PrepareStackTrace = (error: Error, frames: NodeJS.CallSite[]) => unknown;

/**
 * Until the returned function is called, Error stacks made on this thread leave out frames from
 * this package; formatting is left to the hook that was installed (Node's default, which applies
 * source maps, or a source-map-support one such as ts-node's).
 */
function hideOwnFramesFromStackTraces(): () => void {
  const previous: PrepareStackTrace | undefined = Error.prepareStackTrace;
  Error.prepareStackTrace = (error: Error, frames: NodeJS.CallSite[]) => {
    const kept = frames.filter((frame) => !frame.getFileName()?.startsWith(OWN_DIRECTORY));
    return previous ? previous(error, kept) : formatLikeV8(error, kept);
  };
  return () => {
    // Node's types say a hook is always there; on other runtimes there may be none to put back.
    Object.assign(Error, { prepareStackTrace: previous });
  };
}

/**
 * Until the returned function is called, Errors made on this thread capture no frames, except
 * where Pulumi asks for them: Resource.stackTrace raises Error.stackTraceLimit itself, so the
 * source position and the stackTrace it records are unchanged. Why: while a resource registers,
 * the SDK makes four promises per property (transferProperties) and stores a formatted
 * `new Error().stack` on each (debuggablePromise), read only by its promise-leak report at exit;
 * with our resources' 15–25 properties that is ~18,000 stacks to capture and format for 100 pairs,
 * which was most of the program's own CPU and garbage in the bench before the first registration
 * reached the engine. The leak report still names each promise's resource and property.
 */
function captureNoStacks(): () => void {
  const previous = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = previous;
  };
}

/**
 * The window of one of our resources' registration: both of the above, put back by the returned
 * function (in reverse order).
 */
export function quietStacksWhileRegistering(): () => void {
  const showOwnFrames = hideOwnFramesFromStackTraces();
  const restoreLimit = captureNoStacks();
  return () => {
    restoreLimit();
    showOwnFrames();
  };
}

/** V8's own format, for runtimes that install no default hook. */
function formatLikeV8(error: Error, frames: NodeJS.CallSite[]): string {
  return [Error.prototype.toString.call(error), ...frames.map((frame) => `    at ${frame}`)].join("\n");
}
