// The CHANGELOG entry of a release: its version and date, what it ships, and the commits since the
// previous release's tag (v<version>), each by its subject's first clause (the first release just
// counts them). An entry already there
// for this version is left as it is, so running the release again changes nothing.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const HEADER = "# Changelog\n\nEach release's artefacts and changes, newest first (written by `npm run release`).\n";

function git(root, args) {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

/** Commit subjects since the last v* tag (all of them when there is none), shortened to a line. */
function changesSince(root) {
  const previous = git(root, ["describe", "--tags", "--abbrev=0", "--match", "v*"]);
  const range = previous ? [`${previous}..HEAD`] : ["HEAD"];
  const subjects = git(root, ["log", "--no-merges", "--format=%s", ...range])
    .split("\n")
    .filter(Boolean);
  const short = subjects.map((s) => {
    const clause = s.split(/[:;(]/)[0].trim();
    return clause.length > 100 ? `${clause.slice(0, 97)}...` : clause;
  });
  return { previous, lines: [...new Set(short)] };
}

export function changelogEntry({ root, version, date, artefacts }) {
  const { previous, lines } = changesSince(root);
  return [
    `## ${version} (${date})`,
    "",
    "Artefacts (checksums in SHA256SUMS):",
    "",
    ...artefacts.map((name) => `- \`${name}\``),
    "",
    ...(previous
      ? [`Changes since ${previous}:`, "", ...lines.map((line) => `- ${line}`)]
      : [`The first release (${lines.length} changes; see the README for what it does).`]),
    "",
  ].join("\n");
}

/** Adds the entry under the header unless the file already has one for this version; true if added. */
export function addChangelogEntry(file, version, entry) {
  const text = existsSync(file) ? readFileSync(file, "utf8") : HEADER;
  if (text.includes(`\n## ${version} (`)) return false;
  const at = text.indexOf("\n## ");
  const updated = at < 0 ? `${text.trimEnd()}\n\n${entry}` : `${text.slice(0, at + 1)}${entry}\n${text.slice(at + 1)}`;
  writeFileSync(file, updated);
  return true;
}
