export const InsightsIds = {
  openButton: 'insights.open',
  exportButton: 'insights.export_csv',
  accessLogButton: 'insights.access_log',
  modal: 'insights.view',
} as const;

export const INSIGHTS_FLOW = 'insights';
