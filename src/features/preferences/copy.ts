// A person's notification previews (issue 14, "Discreet by default").

export const PREVIEWS_OFF =
  '*Notifications*\nMessages in a conversation show on your phone or lock screen as "New message in Peer Support", so nobody glancing at your screen sees who wrote or what. Turn previews on to see the pseudonym and the words there too.';
export const PREVIEWS_ON =
  '*Notifications*\nPreviews are on: your phone or lock screen shows the pseudonym and the words of each message in a conversation, for anyone who can see your screen. Turn them off to show only "New message in Peer Support".';
export const TURN_ON = 'Show message previews';
export const TURN_OFF = 'Hide message previews';
