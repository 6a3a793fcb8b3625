// The provider bench's scale table (--scale): its header, the rows of one size (logged as each size
// is measured, and printed again in the report), and how the cost per pair grows across the sizes.

/** The header of the scale table. */
export function scaleHeader() {
  return (
    `  ${"pairs".padStart(6)}  ${"kind".padEnd(11)}${"up".padStart(9)}${"/pair".padStart(8)}${"preview".padStart(9)}` +
    `${"/pair".padStart(8)}${"destroy".padStart(9)}${"/pair".padStart(8)}${"API calls".padStart(17)}` +
    `${"CPU/res up: host".padStart(18)}${"engine".padStart(8)}${"emulator".padStart(10)}` +
    `${"host peak RSS".padStart(15)}${"state".padStart(10)}${"B/pair".padStart(8)}`
  );
}

/**
 * The rows of one scale size: ccm, the fat no-op (or why it was not run: above --scale-floor-max),
 * ccm's up without checkpoints, the hosts' memory.
 */
export function scaleRows(entry, scaleFloorMax) {
  const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const perPair = (ms) => `${(ms / entry.pairs).toFixed(0)} ms`;
  const perRes = (ms) => (ms / (2 * entry.pairs)).toFixed(2);
  const rows = [];
  for (const kind of ["ccm", "fat"]) {
    const r = entry[kind];
    if (r === undefined) {
      rows.push(
        `  ${String(entry.pairs).padStart(6)}  ${kind.padEnd(11)}  not run (--scale-floor-max ${scaleFloorMax})`,
      );
      continue;
    }
    const peak = Math.max(r.up.hostRss, r.preview.hostRss, r.destroy.hostRss);
    rows.push(
      `  ${String(entry.pairs).padStart(6)}  ${kind.padEnd(11)}${secs(r.up.ms).padStart(9)}${perPair(r.up.ms).padStart(8)}` +
        `${secs(r.preview.ms).padStart(9)}${perPair(r.preview.ms).padStart(8)}` +
        `${secs(r.destroy.ms).padStart(9)}${perPair(r.destroy.ms).padStart(8)}` +
        `${`${r.up.counted.requests} · ${r.preview.counted.requests} · ${r.destroy.counted.requests}`.padStart(17)}` +
        `${perRes(r.up.hostCpuMs).padStart(18)}${perRes(r.up.engineCpuMs).padStart(8)}` +
        `${perRes(r.up.emulatorCpuMs).padStart(10)}${`${(peak / 1024 / 1024).toFixed(0)} MB`.padStart(15)}` +
        `${`${(r.stateBytes / 1024 / 1024).toFixed(1)} MB`.padStart(10)}${(r.stateBytes / entry.pairs).toFixed(0).padStart(8)}`,
    );
  }
  const skip = entry.skipCheckpoints;
  if (skip) {
    rows.push(
      `  ${String(entry.pairs).padStart(6)}  ${"ccm-nockpt".padEnd(11)}${secs(skip.ms).padStart(9)}${perPair(skip.ms).padStart(8)}` +
        `${"".padStart(69)}${perRes(skip.engineCpuMs).padStart(8)}`,
    );
  }
  const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
  for (const [kind, rss] of Object.entries(entry.hostRssNoCheckpoints ?? {})) {
    rows.push(
      `  ${String(entry.pairs).padStart(6)}  ${`${kind}-mem`.padEnd(11)}${"".padStart(98)}` +
        `${`${mb(rss.up)} · ${mb(rss.preview)} MB`.padStart(21)}`,
    );
  }
  return rows;
}

/**
 * How the per-pair cost grows from the smallest size to the largest, and where: the engine's CPU
 * per resource against the host's, and what skipping the intermediate checkpoints saves.
 */
export function scaleGrowth(scale) {
  if (scale.length < 2) return [];
  const small = scale[0];
  const large = scale.at(-1);
  const lines = [`\n  growth of the cost per pair from ${small.pairs} pairs (1.00 = linear):`];
  for (const kind of ["ccm", "fat"]) {
    const top = scale.findLast((e) => e[kind] !== undefined);
    if (top === small) continue;
    const factor = (pick) => (pick(top) / top.pairs / (pick(small) / small.pairs)).toFixed(2);
    lines.push(
      `    ${kind.padEnd(4)} to ${top.pairs}: up ×${factor((e) => e[kind].up.ms)}, preview ×${factor((e) => e[kind].preview.ms)}, ` +
        `destroy ×${factor((e) => e[kind].destroy.ms)}; CPU per resource in the up: host ×${factor((e) => e[kind].up.hostCpuMs)}, ` +
        `engine ×${factor((e) => e[kind].up.engineCpuMs)}`,
    );
  }
  const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
  lines.push(
    `    the file backend rewrites the whole checkpoint (${(large.ccm.stateBytes / 1024 / 1024).toFixed(1)} MB at the end) ` +
      `on every step: ~N² bytes per up. At ${large.pairs} pairs the ccm up took\n` +
      `    ${seconds(large.ccm.up.ms)}, ${seconds(large.skipCheckpoints.ms)} with PULUMI_SKIP_CHECKPOINTS=true (no state ` +
      "written until the end: an interrupted up leaves no record of its creates);\n    smaller stacks keep each checkpoint small.",
  );
  return lines;
}
