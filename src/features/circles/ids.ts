// Ids of the circles' own surfaces (issue 20): the list, joining and leaving, creating, managing, and
// the welcome message. The relay's and the report's ids are in relay-ids.ts.

export const CircleIds = {
  /** Opens the circles list (value: none). From the Home tab. */
  openList: 'circle.open_list',
  listModal: 'circle.list',
  /** value: the circle id. The list's own consent text is what joining agrees to. */
  join: 'circle.join',
  /** value: the circle id. From the list or the welcome message; takes effect at once. */
  leave: 'circle.leave',
  /** value: the initiative id. */
  create: 'circle.create',
  createModal: 'circle.create_modal',
  /** value: the circle id. For its facilitators and the initiative's coordinators. */
  manage: 'circle.manage',
  manageModal: 'circle.manage_modal',
  /** value: JSON { circleId, pseudonym }. */
  pauseMember: 'circle.pause_member',
  /** value: the circle id. Coordinators only, decided on the server. */
  close: 'circle.close',
  /** value: the circle id. From the welcome message. */
  reveal: 'circle.reveal',
  /** A users_select in the list, for coordinators: approve a listener as facilitator, or withdraw it (block: FACILITATORS_BLOCK + initiative id). */
  approveFacilitator: 'circle.approve_facilitator',
  revokeFacilitator: 'circle.revoke_facilitator',
  blocks: {
    topic: 'topic',
    description: 'description',
    capacity: 'capacity',
    cadence: 'cadence',
    weekday: 'weekday',
    time: 'time',
    facilitators: 'facilitators',
    prompt: 'prompt',
    guidelines: 'guidelines',
  },
} as const;

/** The topic select's value for a circle open to every topic of the initiative. */
export const NO_TOPIC = 'none';
export const CAPACITY_DEFAULT = 8;
/** The block of a coordinator's facilitator choices, followed by the initiative's id. */
export const FACILITATORS_BLOCK = 'circle.facilitators:';
