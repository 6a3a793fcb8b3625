// The process tree under a child we started (Linux /proc), so the chaos run can SIGKILL exactly
// the `pulumi` CLI it launched — and later the dynamic-provider host that outlives it — by pid.
import { readdirSync, readFileSync } from "node:fs";

/** @returns {{ pid: number, ppid: number, argv: string[] }[]} */
function processTable() {
  const table = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name is in parentheses and may hold spaces: the ppid is the 2nd field after it.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const argv = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean);
      table.push({ pid: Number(entry), ppid, argv });
    } catch {
      // NO-OP: the process ended while we looked.
    }
  }
  return table;
}

/** Every live descendant of `rootPid` (children first discovered, breadth first). */
export function descendants(rootPid) {
  const table = processTable();
  const found = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const p of table) {
      if (p.ppid === parent) {
        found.push(p);
        queue.push(p.pid);
      }
    }
  }
  return found;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILL, ignoring a process that is already gone. */
export function kill(pid) {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // NO-OP: already gone.
  }
}
