// Exports of a checklist's answers: Markdown for a proposal, CSV for a spreadsheet, JSON to re-import.
// User text is escaped for each format: Markdown specials are backslashed, CSV fields are quoted
// and cells that a spreadsheet would run as a formula are defused.

import { cloneDoc } from "./checklist-doc.js";
import { today } from "../lib/download.js";
import { pageUrl } from "../lib/sharelink.js";

/** Plain text that Markdown shows literally: no links, emphasis, HTML or headings. */
export function markdownText(text) {
  return String(text)
    .replace(/\r\n?/g, "\n")
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/^(\s*)([-=])/gm, (_m, space, mark) => `${space}\\${mark}`)
    .replace(/^(\s*)(\d+)([.)])/gm, (_m, space, digits, mark) => `${space}${digits}\\${mark}`);
}

function answerText(spec, value) {
  if (spec.scale === "done") return value === "done" ? "Done" : "Not done";
  return value ? spec.labels.get(value) || value : "Not answered";
}

/** Counts for the progress line: {answered, total, byValue, needReason}. */
export function tally(spec, doc) {
  const byValue = {};
  let needReason = 0;
  for (const item of spec.items.values()) {
    const value = doc.answers[item.id];
    if (!value) continue;
    byValue[value] = (byValue[value] || 0) + 1;
    if (value === "na" && !(doc.notes[item.id] || "").trim()) needReason += 1;
  }
  const answered = Object.values(byValue).reduce((a, b) => a + b, 0);
  return { answered, total: spec.items.size, byValue, needReason };
}

/** One sentence of progress, e.g. "14 of 21 answered (Yes 8, Partly 3, No 2, Not applicable 1)". */
export function progressSentence(spec, doc) {
  const { answered, total, byValue } = tally(spec, doc);
  if (spec.scale === "done") return `${answered} of ${total} done`;
  const parts = spec.values.filter((v) => byValue[v]).map((v) => `${spec.labels.get(v) || v} ${byValue[v]}`);
  return `${answered} of ${total} answered${parts.length ? ` (${parts.join(", ")})` : ""}`;
}

function indentLines(text, indent) {
  return markdownText(text).split("\n").join(`\n${indent}`);
}

/** The answers as Markdown, ready to paste into a proposal. */
export function toMarkdown(spec, doc, { url = pageUrl(), date = today() } = {}) {
  const lines = [
    `# ${markdownText(spec.title)}`,
    "",
    `- Date: ${date}`,
    `- Page: <${url}>`,
    `- Checklist version: \`${spec.version}\``,
    `- Progress: ${progressSentence(spec, doc)}`,
    "",
  ];
  for (const section of spec.sections) {
    lines.push(`## ${markdownText(section.title)}`, "");
    for (const item of section.items) {
      const value = doc.answers[item.id];
      const critical = item.critical ? " *(critical)*" : "";
      if (spec.scale === "done") {
        lines.push(`- [${value === "done" ? "x" : " "}] ${markdownText(item.text)}`);
      } else {
        lines.push(`- **${answerText(spec, value)}**: ${markdownText(item.text)}${critical}`);
      }
      const owner = doc.owners[item.id];
      const note = doc.notes[item.id];
      if (owner) lines.push(`    - Owner: ${indentLines(owner, "      ")}`);
      if (note) lines.push(`    - ${value === "na" ? "Why it does not apply" : "Note"}: ${indentLines(note, "      ")}`);
      if (value === "na" && !note) lines.push("    - Why it does not apply: *no reason given*");
    }
    lines.push("");
  }
  const orphans = Object.entries(doc.orphans);
  if (orphans.length) {
    lines.push("## Answers to questions no longer in this checklist", "");
    for (const [id, entry] of orphans) {
      const answer = entry.answer ? answerText(spec, entry.answer) : "no answer";
      lines.push(`- \`${id}\`: ${markdownText(answer)}`);
      if (entry.owner) lines.push(`    - Owner: ${indentLines(entry.owner, "      ")}`);
      if (entry.note) lines.push(`    - Note: ${indentLines(entry.note, "      ")}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

function csvField(value, { userText = false } = {}) {
  let text = value === undefined || value === null ? "" : String(value);
  // A cell starting with = + - @ (or a tab/CR) runs as a formula in spreadsheets: defuse it.
  if (userText && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The answers as CSV (RFC 4180: every field quoted, CRLF line ends, UTF-8 with a BOM). */
export function toCSV(spec, doc) {
  const header = ["checklist", "checklist_version", "section", "item", "question", "critical", "weight", "value", "answer", "note", "owner"];
  const rows = [header.map((h) => csvField(h))];
  for (const section of spec.sections) {
    for (const item of section.items) {
      const value = doc.answers[item.id] || "";
      rows.push([
        csvField(spec.id),
        csvField(spec.version),
        csvField(section.title),
        csvField(item.id),
        csvField(item.text),
        csvField(item.critical ? "yes" : "no"),
        csvField(item.weight),
        csvField(value),
        csvField(answerText(spec, value)),
        csvField(doc.notes[item.id] || "", { userText: true }),
        csvField(doc.owners[item.id] || "", { userText: true }),
      ]);
    }
  }
  for (const [id, entry] of Object.entries(doc.orphans)) {
    rows.push([
      csvField(spec.id),
      csvField(spec.version),
      csvField("(no longer in this checklist)"),
      csvField(id),
      csvField(""),
      csvField(""),
      csvField(""),
      csvField(entry.answer || "", { userText: true }),
      csvField(entry.answer ? answerText(spec, entry.answer) : "", { userText: true }),
      csvField(entry.note || "", { userText: true }),
      csvField(entry.owner || "", { userText: true }),
    ]);
  }
  return `\ufeff${rows.map((r) => r.join(",")).join("\r\n")}\r\n`;
}

/**
 * The answers as an export file: the stored document plus title, page and time of export, and
 * for a scored assessment the `result` Python worked out (import ignores it).
 */
export function toJSON(spec, doc, { url = pageUrl(), now = new Date(), result = undefined } = {}) {
  const out = { ...cloneDoc(doc), checklist_version: spec.version, title: spec.title, url, exported: now.toISOString() };
  if (result !== undefined) out.result = result;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** A file name such as "pilot2prod-readiness-2026-11-02.md". */
export function fileName(spec, extension, date = today()) {
  return `pilot2prod-${spec.id}-${date}.${extension}`;
}
