import type { Translate } from '../../i18n/translate.js';

// A person's notification previews (issue 14, "Discreet by default"), in their language (issue 19).
// The notification itself reads "New message in Peer Support", in the recipient's language (pairings.relayedNotification).

/** What a lock screen shows, with previews on or off. */
export function previewsExplained(t: Translate, on: boolean): string {
  return t(on ? 'preferences.previews.on' : 'preferences.previews.off');
}

/** The button that turns previews the other way. */
export function previewsButton(t: Translate, on: boolean): string {
  return t(on ? 'preferences.previews.turnOff' : 'preferences.previews.turnOn');
}
