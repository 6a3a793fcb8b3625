// What this provider process already holds, so that the lookup after a lost create never adopts
// it: the dynamic-provider host serves every resource of one deployment, so ids it created,
// adopted or read belong to some resource and are never "the certificate my lost response made".
// And creates that one lookup could confuse (same kind, issuer and name) run one at a time, so a
// lookup never races a sibling whose response is still in flight. Lives only in the host process;
// the client gets the ids as data (CreateOptions.knownIds).

const claimed = new Set<string>();
const queues = new Map<string, Promise<unknown>>();

/** Records ids a resource of this process holds. */
export function claim(...ids: readonly (string | undefined)[]): void {
  for (const id of ids) if (id) claimed.add(id);
}

/** The ids claimed so far: a live view, so a create that waited in the queue sees its siblings'. */
export function claimedIds(): ReadonlySet<string> {
  return claimed;
}

/**
 * Runs `create` after every earlier create with the same `key` has finished (successfully or
 * not). Keys are the lookup's identity, e.g. `certificate|<issuer>|<common name>`; creates with
 * different keys still run in parallel.
 */
export function oneAtATime<T>(key: string, create: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(create, create);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  // Forget the key once the queue is empty, so the map does not grow with every name.
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}
