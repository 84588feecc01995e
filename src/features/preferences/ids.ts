export const PreferenceIds = {
  /** The Home tab's previews button; its value is the state asked for ('on' or 'off'), so a double click changes nothing twice. */
  previews: 'preferences.previews',
  /**
   * The Home tab's language buttons, one id each (Slack refuses one action id twice in a block); the
   * value is the language asked for, or 'slack' for the language of the person's Slack.
   */
  language: { en: 'preferences.language.en', de: 'preferences.language.de', es: 'preferences.language.es', slack: 'preferences.language.slack' },
} as const;

/** The value of "use my Slack language". */
export const SLACK_LANGUAGE = 'slack';
