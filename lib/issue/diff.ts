import { allBlocks, type Block, type IssueDocument } from './document';
import { locate } from './operations';
import { longestIncreasing } from './sequence';

export type Change =
  | { kind: 'subject' | 'preheader'; from: string; to: string }
  | { kind: 'added' | 'removed'; block: Block }
  | { kind: 'moved'; block: Block }
  | { kind: 'edited'; block: Block };

/**
 * What changed between two versions of an issue, block by block: added, removed, moved to
 * another place (container or order) and edited. Used to tell an editor what someone else did.
 */
export function diffDocuments(before: IssueDocument, after: IssueDocument): Change[] {
  const changes: Change[] = [];
  if (before.subject !== after.subject)
    changes.push({ kind: 'subject', from: before.subject, to: after.subject });
  if (before.preheader !== after.preheader)
    changes.push({ kind: 'preheader', from: before.preheader, to: after.preheader });
  const old = new Map(allBlocks(before).map((b) => [b.id, b]));
  const now = new Map(allBlocks(after).map((b) => [b.id, b]));
  for (const block of allBlocks(after))
    if (!old.has(block.id)) changes.push({ kind: 'added', block });
  for (const block of allBlocks(before))
    if (!now.has(block.id)) changes.push({ kind: 'removed', block });

  // A block moved when its container changed, or when it is not among the longest run of
  // blocks that kept their order (so moving one block up does not also "move" its neighbours).
  const oldOrder = new Map(allBlocks(before).map((b, i) => [b.id, i]));
  const stayed = new Set<string>();
  const containers = new Set(allBlocks(after).map((b) => locate(after, b.id)?.container));
  for (const container of containers) {
    const inOrder = allBlocks(after).filter(
      (b) =>
        locate(after, b.id)?.container === container &&
        locate(before, b.id)?.container === container,
    );
    const keep = longestIncreasing(inOrder.map((b) => oldOrder.get(b.id) ?? null));
    inOrder.forEach((b, i) => keep.has(i) && stayed.add(b.id));
  }
  for (const block of allBlocks(after)) {
    const previous = old.get(block.id);
    if (!previous) continue;
    if (!stayed.has(block.id)) changes.push({ kind: 'moved', block });
    else if (JSON.stringify(previous) !== JSON.stringify(block) && previous.kind === block.kind)
      changes.push({ kind: 'edited', block });
  }
  return changes;
}
