/**
 * A signed-out form's stash is given back once (shared/http/form-stash.ts): the use case the
 * case pages call to claim its id, so that the pages never touch the store themselves.
 */
import { claimFormStash } from '#store/form-stash';

export function claimFormStashOnce(stashId: string, expiresAtMs: number): Promise<boolean> {
  return claimFormStash(stashId, expiresAtMs);
}
