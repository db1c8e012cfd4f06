/**
 * A service's "no" to what someone asked, in Dutch for that person: a theme still in use, a sent
 * issue, an item an unsent issue holds. editorAction (lib/actions.ts) rolls the transaction back
 * and answers it as an invalid state, the message beside `field` when it names one. Kept out of
 * lib/actions.ts because the services also run outside Next (the seed script).
 */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
