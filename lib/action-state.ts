// Shared by server actions and the client forms that show their outcome.
export type ActionStatus = 'idle' | 'ok' | 'invalid' | 'conflict' | 'error';
/** `data` carries what a caller needs back, such as a new version number. */
export type ActionState<T = unknown> = {
  status: ActionStatus;
  message?: string;
  fieldErrors?: Record<string, string>;
  data?: T;
};

export const idle: ActionState = { status: 'idle' };
