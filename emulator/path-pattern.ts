// Fault rules' `path`: a small subset of regular-expression syntax, matched by a state-set
// simulation (Thompson NFA) instead of a backtracking RegExp. Fault rules come from whoever can
// reach the control plane, and a user regex run on every API request is a ReDoS (`^/(a+)+$`
// takes exponential time in V8). This subset covers every pattern the tests, benches and docs
// use, means exactly what the same text means as a JavaScript RegExp, and matches in
// O(path length × pattern length) whatever the pattern.
//
//   ^ (first) and $ (last)   anchors; without them the pattern may match anywhere in the path
//   [^/]  [^/]*  [^/]+       one / any number / at least one character other than "/"
//   .  .*  .+                one / any number / at least one character
//   \x                       the character x literally (e.g. \. \? \$)
//   any other character      itself, except the metacharacters ( ) [ ] { } | ? + * . ^ $ \

export class PathPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PathPatternError";
  }
}

export const PATH_PATTERN_MAX_LENGTH = 256;

type Token = { kind: "char"; char: string } | { kind: "any"; slash: boolean; repeat: boolean }; // repeat = the token may match 0..n times

const METACHARACTERS = new Set([..."()[]{}|?+*.^$\\"]);
const SEGMENT_CLASS = "[^/]";

function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const quantified = (slash: boolean) => {
    const next = body[i];
    if (next === "*") {
      tokens.push({ kind: "any", slash, repeat: true });
      i += 1;
    } else if (next === "+") {
      tokens.push({ kind: "any", slash, repeat: false }, { kind: "any", slash, repeat: true });
      i += 1;
    } else {
      tokens.push({ kind: "any", slash, repeat: false });
    }
  };
  while (i < body.length) {
    const char = body[i]!;
    if (char === "\\") {
      const escaped = body[i + 1];
      if (escaped === undefined || /[A-Za-z0-9]/.test(escaped)) {
        throw new PathPatternError(`path: "\\${escaped ?? ""}" is not supported (escape only punctuation)`);
      }
      tokens.push({ kind: "char", char: escaped });
      i += 2;
    } else if (body.startsWith(SEGMENT_CLASS, i)) {
      i += SEGMENT_CLASS.length;
      quantified(false);
    } else if (char === ".") {
      i += 1;
      quantified(true);
    } else if (METACHARACTERS.has(char)) {
      throw new PathPatternError(
        `path: "${char}" at ${i} is not supported; use literal text, ^, $, [^/], [^/]*, [^/]+, ., .*, .+ or \\ escapes`,
      );
    } else {
      tokens.push({ kind: "char", char });
      i += 1;
    }
  }
  return tokens;
}

export interface PathPattern {
  readonly source: string;
  test(path: string): boolean;
}

/** Compiles a fault rule's `path`; PathPatternError when it uses syntax outside the subset. */
export function compilePathPattern(source: string): PathPattern {
  if (source.length > PATH_PATTERN_MAX_LENGTH) {
    throw new PathPatternError(`path must be at most ${PATH_PATTERN_MAX_LENGTH} characters`);
  }
  const anchoredStart = source.startsWith("^");
  const anchoredEnd = source.endsWith("$") && !source.endsWith("\\$");
  const body = source.slice(anchoredStart ? 1 : 0, anchoredEnd ? -1 : undefined);
  const tokens: Token[] = [
    ...(anchoredStart ? [] : [{ kind: "any", slash: true, repeat: true } as const]),
    ...tokenize(body),
    ...(anchoredEnd ? [] : [{ kind: "any", slash: true, repeat: true } as const]),
  ];
  return { source, test: (path) => simulate(tokens, path) };
}

function accepts(token: Token, char: string): boolean {
  return token.kind === "char" ? token.char === char : token.slash || char !== "/";
}

/**
 * Adds state `from` and every state reachable from it by skipping repeatable tokens. A state
 * already set had its whole chain added then, so each state is visited once per step.
 */
function close(tokens: readonly Token[], states: Uint8Array, from: number): void {
  for (let state = from; ; state++) {
    if (states[state]) return;
    states[state] = 1;
    const token = tokens[state];
    if (token === undefined || token.kind !== "any" || !token.repeat) return;
  }
}

// State i = "tokens[0..i) have matched"; state tokens.length accepts. One pass over the path,
// each step touching every state at most once.
function simulate(tokens: readonly Token[], path: string): boolean {
  let current = new Uint8Array(tokens.length + 1);
  close(tokens, current, 0);
  for (const char of path) {
    const next = new Uint8Array(tokens.length + 1);
    let any = false;
    for (let state = 0; state < tokens.length; state++) {
      if (!current[state]) continue;
      const token = tokens[state]!;
      if (!accepts(token, char)) continue;
      any = true;
      if (token.kind === "any" && token.repeat) close(tokens, next, state);
      else close(tokens, next, state + 1);
    }
    if (!any) return false;
    current = next;
  }
  return current[tokens.length] === 1;
}
