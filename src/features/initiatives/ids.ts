// Action, callback and block ids of the initiatives capability, in one place (STYLE.md).
export const InitiativeIds = {
  setupModal: 'initiative.setup',
  chooseModal: 'initiative.choose',
  setupButton: 'initiative.setup_button',
  editButton: 'initiative.edit',
  acceptRole: 'initiative.accept_role',
  previewButton: 'initiative.preview_as_seeker',
  previewModal: 'initiative.preview',
  declineRole: 'initiative.decline_role',
  blocks: {
    name: 'name',
    description: 'description',
    topics: 'topics',
    resources: 'resources',
    resourceLines: 'resource_lines',
    guidelines: 'guidelines',
    approval: 'approval',
    coordinators: 'coordinators',
    hrViewers: 'hr_viewers',
    minGroupSize: 'min_group_size',
    retentionDays: 'retention_days',
    firstCheckInDays: 'first_check_in_days',
    checkInEveryDays: 'check_in_every_days',
    waitingUpdateEveryDays: 'waiting_update_every_days',
    reviewAfterWeeks: 'review_after_weeks',
    language: 'language',
    consent: 'consent',
    choice: 'choice',
  },
} as const;

/**
 * The setup form's optional texts in each app language (issue 19), block ids by language: resources,
 * guidelines and topic labels as the coordinator wrote them in that language.
 */
export const TEXT_BLOCKS = {
  en: { resources: 'resources_en', guidelines: 'guidelines_en', topics: 'topics_en' },
  de: { resources: 'resources_de', guidelines: 'guidelines_de', topics: 'topics_de' },
  es: { resources: 'resources_es', guidelines: 'guidelines_es', topics: 'topics_es' },
} as const;

/** Every block id of the setup form, for routing a field's error to it. */
export const SETUP_BLOCK_IDS: readonly string[] = [
  ...Object.values(InitiativeIds.blocks),
  ...Object.values(TEXT_BLOCKS).flatMap((b) => Object.values(b)),
];

export const APPROVAL_REQUIRED = 'approval_required';
export const CONSENT_GIVEN = 'consent_given';
export const NEW_INITIATIVE = 'new';
