// The initiatives capability's words (issue 19), in the three languages side by side; merged into en.ts,
// de.ts and es.ts. Today: the chooser a person meets when a workspace runs more than one initiative (in
// the request, listen and insights flows). The setup form's words are in setup.ts.

export const initiativesEn = {
  'initiatives.choose.title': 'Choose an initiative',
  'initiatives.choose.prompt': 'Which peer-support initiative is this for?',
  'initiatives.choose.submit': 'Next',
  'initiatives.choose.new': 'Set up a new initiative',
  'initiatives.choose.error': 'Please choose one.',
} as const;

export const initiativesDe: Record<keyof typeof initiativesEn, string> = {
  'initiatives.choose.title': 'Initiative wählen',
  'initiatives.choose.prompt': 'Für welche Peer-Support-Initiative ist das?',
  'initiatives.choose.submit': 'Weiter',
  'initiatives.choose.new': 'Neue Initiative einrichten',
  'initiatives.choose.error': 'Bitte wähle eine aus.',
};

export const initiativesEs: Record<keyof typeof initiativesEn, string> = {
  'initiatives.choose.title': 'Elige una iniciativa',
  'initiatives.choose.prompt': '¿Para qué iniciativa de apoyo entre compañeros es esto?',
  'initiatives.choose.submit': 'Siguiente',
  'initiatives.choose.new': 'Crear una iniciativa nueva',
  'initiatives.choose.error': 'Elige una.',
};
