// The docs stay readable and connected: README.md stays short (at most 400 lines; the rest lives
// under docs/), and every relative Markdown link in README.md, CONTRIBUTING.md and docs/**/*.md
// reaches a file that exists and, for a Markdown file, a heading that exists (GitHub's anchors).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const README_MAX_LINES = 400;

/** The anchor GitHub gives a heading: lower case, punctuation dropped, each space a hyphen. */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // a link shows its text
    .replace(/<[^>]+>/g, "") // inline HTML
    .replace(/[`*]/g, "") // code and emphasis marks
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");
}

/** Lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(text: string): { line: string; number: number }[] {
  const out: { line: string; number: number }[] = [];
  let fence: string | undefined;
  text.split("\n").forEach((line, i) => {
    const marker = /^\s*(```|~~~)/.exec(line)?.[1];
    if (marker && (fence === undefined || fence === marker)) {
      fence = fence === undefined ? marker : undefined;
      return;
    }
    if (fence === undefined) out.push({ line, number: i + 1 });
  });
  return out;
}

/** Every anchor a Markdown file's headings make, duplicates numbered as GitHub numbers them. */
export function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const { line } of proseLines(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** The link targets of a Markdown text (inline links, images, reference definitions), code left out. */
export function linksOf(text: string): { target: string; line: number }[] {
  const links: { target: string; line: number }[] = [];
  for (const { line, number } of proseLines(text)) {
    const prose = line.replace(/(`+)[^`]*?\1/g, ""); // code spans hold no links
    for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ target: match[1] ?? "", line: number });
    }
    const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/.exec(prose);
    if (definition?.[1]) links.push({ target: definition[1], line: number });
  }
  return links;
}

/** The repository path a link in `file` points at: its own file, from the root (`/…`) or beside it. */
function resolveLink(file: string, pathPart: string): string {
  if (pathPart === "") return file;
  if (pathPart.startsWith("/")) return path.posix.normalize(pathPart.slice(1));
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart));
}

/** What is wrong with each relative link of `file` (a path relative to the repository root). */
export function brokenLinks(file: string, text: string, read: (rel: string) => string | undefined): string[] {
  const problems: string[] = [];
  for (const { target, line } of linksOf(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) continue; // not relative
    const [rawPath = "", rawAnchor] = target.split("#", 2);
    const pathPart = decodeURIComponent(rawPath);
    const rel = resolveLink(file, pathPart);
    const where = `${file}:${line} → ${target}`;
    const content = read(rel);
    if (content === undefined) {
      if (!existsSync(path.join(root, rel))) problems.push(`${where}: no such file`);
      continue;
    }
    if (rawAnchor !== undefined && rel.endsWith(".md")) {
      const anchor = decodeURIComponent(rawAnchor).toLowerCase();
      if (!anchorsOf(content).has(anchor)) problems.push(`${where}: no heading with anchor #${anchor} in ${rel}`);
    }
  }
  return problems;
}

function readRepoFile(rel: string): string | undefined {
  const full = path.join(root, rel);
  if (!existsSync(full) || !statSync(full).isFile()) return undefined;
  return readFileSync(full, "utf8");
}

function markdownFiles(): string[] {
  const docs = readdirSync(path.join(root, "docs"), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.posix.join("docs", name.split(path.sep).join("/")))
    .sort();
  return ["README.md", "CONTRIBUTING.md", ...docs];
}

function lineCount(text: string): number {
  return text.endsWith("\n") ? text.split("\n").length - 1 : text.split("\n").length;
}

describe("the docs", () => {
  it(`README.md has at most ${README_MAX_LINES} lines`, () => {
    const readme = readRepoFile("README.md") ?? "";
    expect(lineCount(readme)).toBeGreaterThan(0);
    expect(lineCount(readme)).toBeLessThanOrEqual(README_MAX_LINES);
  });

  it("every relative link in README.md, CONTRIBUTING.md and docs/**/*.md reaches its file and heading", () => {
    const files = markdownFiles();
    expect(files).toContain("docs/README.md");
    const problems = files.flatMap((file) => brokenLinks(file, readRepoFile(file) ?? "", readRepoFile));
    expect(problems).toEqual([]);
  });
});

describe("the link check itself", () => {
  const pages: Record<string, string> = {
    "docs/a.md": "# Page A\n\n## An interrupted `pulumi up`\n\n## Notes\n\n## Notes\n",
    "README.md": "# Title\n\n## Configuration\n",
  };
  const read = (rel: string) => pages[rel];

  it("makes GitHub's anchors", () => {
    expect(slug("An interrupted `pulumi up`")).toBe("an-interrupted-pulumi-up");
    expect(slug("TypeScript: the classes or the generated SDK")).toBe("typescript-the-classes-or-the-generated-sdk");
    expect(slug("`ccm-orphans`")).toBe("ccm-orphans");
    expect(slug("Choices where the docs are silent")).toBe("choices-where-the-docs-are-silent");
    expect([...anchorsOf(pages["docs/a.md"] ?? "")]).toEqual([
      "page-a",
      "an-interrupted-pulumi-up",
      "notes",
      "notes-1",
    ]);
  });

  it("accepts good links and skips code and absolute URLs", () => {
    const text = [
      "[x](a.md#notes-1) [y](#self) [z](https://example.com/none.md) `[q](missing.md)`",
      "```",
      "[in code](missing.md)",
      "```",
      "# Self",
    ].join("\n");
    expect(brokenLinks("docs/b.md", text, (rel) => (rel === "docs/b.md" ? text : read(rel)))).toEqual([]);
  });

  it("reports a missing file and a missing anchor", () => {
    const text = "[a](a.md#nowhere) [b](gone.md) [c](reference/Gone.md) [d](../README.md#no-such-section)";
    const problems = brokenLinks("docs/b.md", text, read);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain("no heading with anchor #nowhere");
    expect(problems[1]).toContain("no such file");
    expect(problems[2]).toContain("no such file");
    expect(problems[3]).toContain("#no-such-section");
  });
});
