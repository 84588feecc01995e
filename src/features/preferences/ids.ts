export const PreferenceIds = {
  /** The Home tab's previews button; its value is the state asked for ('on' or 'off'), so a double click changes nothing twice. */
  previews: 'preferences.previews',
} as const;
