// Workflow statuses as shown to people. A measure with no sourced status is "NOT_REPORTED".
export const STATUS_KEYS = ['NOT_REPORTED', 'NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CONTINUOUS', 'ABANDONED'] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];
