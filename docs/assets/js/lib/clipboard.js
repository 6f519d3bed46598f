// Putting text on the reader's clipboard from a button: every copy button of the site uses this.
//
// Safari (WebKit) allows a clipboard write only while it is handling the click that asked for
// it. A share link (compressed first) or a report (from Python, perhaps still starting) is ready
// only later, and writing it then is refused. So the write starts at once, inside the click, as a
// ClipboardItem whose text is a promise: the browser holds the clipboard open until the text
// comes. Where that is missing or refused, writeText once the text is ready (Chromium and Firefox
// allow it for a while after the click); where that is refused too, the text is put in a field
// and selected, for the reader to copy by hand.

function canWriteItem() {
  return Boolean(
    window.isSecureContext && navigator.clipboard && navigator.clipboard.write && typeof ClipboardItem === "function",
  );
}

async function writeLater(text) {
  try {
    if (!window.isSecureContext || !navigator.clipboard || !navigator.clipboard.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copy `text` (a string, or a promise of one) to the clipboard. Call it from the click handler
 * before anything is awaited, or Safari refuses it.
 *
 * Resolves "copied" once the text is on the clipboard; "selected" when the browser refused and
 * the text is now in `field` (an input or textarea), selected for the reader to copy; "refused"
 * when it refused and there is no field; "failed" when `text` itself failed (its promise
 * rejected: the caller reports that reason, from its own promise). Never rejects.
 */
export async function copyText(text, { field = null } = {}) {
  const ready = Promise.resolve(text);
  let writing = null;
  if (canWriteItem()) {
    try {
      const blob = ready.then((value) => new Blob([String(value)], { type: "text/plain" }));
      writing = navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
      writing.catch(() => {}); // awaited below; a refusal is an answer, not an unhandled error
    } catch {
      writing = null; // this browser's ClipboardItem takes no promise: writeText below
    }
  }
  let value;
  try {
    value = String(await ready);
  } catch {
    return "failed";
  }
  if (writing) {
    try {
      await writing;
      return "copied";
    } catch {
      // refused, or the browser cannot wait for a promise: try once more below
    }
  }
  if (await writeLater(value)) return "copied";
  if (!field) return "refused";
  field.value = value;
  field.focus();
  field.select();
  return "selected";
}
