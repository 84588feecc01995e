// Text a person types (an initiative's name, topics, resources, a note, an introduction) is cleaned
// once, where it comes in, of characters that are invisible or change how the text around them is
// shown: a name that looks like one thing and is another (Trojan Source-style bidi overrides, hidden
// zero-width letters that defeat "same topic" checks) must not reach colleagues under the app's name.

// C0 controls except tab (U+0009) and newline (U+000A), DEL, and C1 controls.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidi embeddings, overrides and isolates, and the bidi marks (LRM, RLM, ALM).
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// Zero-width space, non-joiner, joiner, word joiner, and the byte order mark (zero-width no-break space).
// A joiner between two emoji is kept: it is what makes 🏳️‍🌈 one flag, and shows as nothing else.
const ZERO_WIDTH = /(?<!\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]?)\u200D|\u200D(?!\p{Extended_Pictographic})|[\u200B\u200C\u2060\uFEFF]/gu;
// Half of a surrogate pair with no other half: not a character, and not valid UTF-8 when sent on.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Removes control characters (newline and tab kept), bidi controls, zero-width characters and lone
 * surrogates, then normalises to NFC, so the same words are always the same string.
 */
export function cleanText(text: string): string {
  return text.replace(LONE_SURROGATE, '').replace(CONTROLS, '').replace(BIDI, '').replace(ZERO_WIDTH, '').normalize('NFC');
}
