// The entry of the self-contained plugin executable (scripts/plugin-archive.mjs bundles it into one
// file with rolldown.plugin.config.mjs and makes it a Node.js single executable application): the
// plugin of main.ts, plus what it would otherwise find in node_modules at run time.
import "./bundled-engine-protocol.js";
import "./main.js";
