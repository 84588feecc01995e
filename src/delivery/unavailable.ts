// A row due in a workspace the app may not act in (uninstalled, token revoked) waits this long before it
// is looked at again: kept for a reinstall within the grace period, never sent meanwhile (issue 16).
export const UNAVAILABLE_RETRY_MS = 24 * 60 * 60 * 1000;

/** The code a parked row carries: kept unsent because the app may not act in its workspace; reinstateWorkspace resumes exactly these. */
export const PARKED = 'workspace_unavailable';
