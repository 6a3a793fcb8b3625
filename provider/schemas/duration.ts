// Durations users write for `renewBefore`: Go/Terraform style ("720h", "30d", "1h30m", "90m") or
// ISO 8601 ("P30D", "PT12H", "P1DT6H"). Months and years are not accepted: their length varies,
// and a renewal window should mean the same thing every time it is evaluated.
const UNIT_MS: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

const SHORT_FORM = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const ISO_FORM = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Milliseconds for a duration string, or undefined when the string is not a duration. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  const match = SHORT_FORM.exec(trimmed) ?? ISO_FORM.exec(trimmed.toUpperCase());
  if (!match || trimmed === "" || /^P(T)?$/i.test(trimmed)) return undefined;
  const [, w, d, h, m, s] = match;
  const parts: Array<[string | undefined, string]> = [
    [w, "w"],
    [d, "d"],
    [h, "h"],
    [m, "m"],
    [s, "s"],
  ];
  if (parts.every(([n]) => n === undefined)) return undefined;
  return parts.reduce((total, [n, unit]) => total + (n === undefined ? 0 : Number(n) * (UNIT_MS[unit] ?? 0)), 0);
}

export const DURATION_FORMATS = 'a duration such as "720h", "30d", "1h30m" or ISO 8601 "P30D", "PT12H"';

/** A renewBefore as milliseconds: undefined when absent, unknown or not a duration (check refuses that). */
export function renewBeforeMs(value: unknown): number | undefined {
  return typeof value === "string" ? parseDuration(value) : undefined;
}
