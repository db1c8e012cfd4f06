import type { Db } from '@/db';
import { plainText } from '@/lib/http/responses';
import { epochHour, TableTally } from '@/lib/stats/tally';
import { isScannerAgent } from './classify';
import { pixelSignatureMatches, SIGNATURE_LENGTH } from './signature';

// Opens, only where a newsletter's admin turned them on: a real send's mail ends with a 1x1
// transparent GIF at /o/<issue>.<signature>.gif (lib/send/messages.ts renderInput). The address
// names the issue, never a reader, so an open says "someone opened this issue", nothing more,
// and is counted per issue per hour. Unreliable by nature, and labelled so: Apple Mail (Privacy
// Protection) loads every image of every mail as it arrives, many clients load none until asked.
// As with clicks: HEAD and scanner agents count apart as automated, the GIF goes out at once, and
// the counts are written every few seconds (lib/stats/tally.ts).

/** The smallest transparent GIF: 1x1, one transparent colour. */
export const PIXEL_GIF = Buffer.from(
  'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  'base64',
);

// Counted only while the newsletter still has opens on (an admin who turns them off expects no
// more of them, even from mails sent before), and skipped for an issue deleted meanwhile.
const UPSERT = `
  INSERT INTO issue_opens (issue_id, hour, opens, automated)
  SELECT @issueId, @hour, @opens, @automated
  WHERE EXISTS (
    SELECT 1 FROM issues i JOIN newsletters n ON n.id = i.newsletter_id
    WHERE i.id = @issueId AND n.open_tracking = 1)
  ON CONFLICT (issue_id, hour) DO UPDATE SET
    opens = opens + @opens,
    automated = automated + @automated`;

/** The opens per issue and hour that wait to be written. */
export class OpenCounter {
  private readonly tally: TableTally<{ issueId: number; hour: number }, 'opens' | 'automated'>;

  constructor(database: Db) {
    this.tally = new TableTally(database, UPSERT, ['opens', 'automated']);
  }

  add(issueId: number, hour: number, automated: boolean) {
    this.tally.add({ issueId, hour }, automated ? { automated: 1 } : { opens: 1 });
  }

  get waiting() {
    return this.tally.waiting;
  }

  flush(): number {
    return this.tally.flush();
  }
}

export type OpenDeps = { key: Buffer; counter: OpenCounter; now?: () => number };

const pixelName = new RegExp(`^([1-9]\\d{0,9})\\.([A-Za-z0-9_-]{${SIGNATURE_LENGTH}})\\.gif$`);

/** GET and HEAD on /o/<pixel>: the GIF, counted; a forged or altered address: 400, not counted. */
export function answerOpen(request: Request, params: { pixel: string }, deps: OpenDeps): Response {
  const head = request.method === 'HEAD';
  const match = pixelName.exec(params.pixel);
  const issueId = match ? Number(match[1]) : 0;
  if (!match || !pixelSignatureMatches(deps.key, issueId, match[2]!))
    return plainText(head ? '' : 'Deze afbeelding bestaat niet.', 400, {
      'Cache-Control': 'no-store',
    });
  const automated = head || isScannerAgent(request.headers.get('user-agent'));
  deps.counter.add(issueId, epochHour((deps.now ?? Date.now)()), automated);
  return new Response(head ? null : new Uint8Array(PIXEL_GIF), {
    status: 200,
    headers: {
      'Content-Type': 'image/gif',
      'Content-Length': String(PIXEL_GIF.length),
      // Every load is asked of us, not of a cache: a cached pixel would hide the next open.
      'Cache-Control': 'no-store, private',
      'X-Robots-Tag': 'noindex',
    },
  });
}
