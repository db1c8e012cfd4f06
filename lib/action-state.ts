// Shared by server actions and the client forms that show their outcome.
export type ActionStatus = 'idle' | 'ok' | 'invalid' | 'conflict' | 'error';
export type ActionState = { status: ActionStatus; message?: string; fieldErrors?: Record<string, string> };

export const idle: ActionState = { status: 'idle' };
