import { describe, expect, it } from 'vitest';
import {
  BurstWatch,
  classifyClick,
  epochHour,
  isScannerAgent,
  type ClickRequest,
} from './classify';

const firefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const iphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

describe('isScannerAgent', () => {
  it('knows scanners, bots, headless browsers and scripts', () => {
    for (const agent of [
      'Mozilla/5.0 (compatible; Barracuda Sentinel (EE))',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
      'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Proofpoint URL Defense',
      'Mimecast-URL-Protect',
      'python-requests/2.32.3',
      'curl/8.5.0',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)',
      'WhatsApp/2.23.20.0',
      'Mozilla/5.0 (compatible; Google-InspectionTool/1.0)',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      '',
      '   ',
      null,
    ])
      expect(isScannerAgent(agent), String(agent)).toBe(true);
  });

  it('lets browsers through', () => {
    for (const agent of [firefox, iphone]) expect(isScannerAgent(agent)).toBe(false);
  });
});

const at = Date.UTC(2026, 10, 30, 9, 0, 0);
const request = (over: Partial<ClickRequest>): ClickRequest => ({
  method: 'GET',
  userAgent: firefox,
  client: '192.0.2.10',
  issueId: 4,
  linkId: 1,
  at,
  ...over,
});

describe('classifyClick', () => {
  it('counts a browser’s GET as a click in its epoch hour', () => {
    const result = classifyClick(request({}), new BurstWatch());
    expect(result).toEqual({ automated: false, hour: epochHour(at), recount: [] });
    expect(result.hour).toBe(Math.floor(at / 3_600_000));
  });

  it('counts HEAD and scanner agents as automated', () => {
    expect(classifyClick(request({ method: 'HEAD' }), new BurstWatch()).automated).toBe(true);
    const scanner = request({ userAgent: 'Mozilla/5.0 (compatible; Barracuda Sentinel (EE))' });
    expect(classifyClick(scanner, new BurstWatch()).automated).toBe(true);
  });

  it('turns a burst over three links in ten seconds automated, all but its first click', () => {
    const bursts = new BurstWatch();
    const first = classifyClick(request({ linkId: 1, at }), bursts);
    const second = classifyClick(request({ linkId: 2, at: at + 2_000 }), bursts);
    expect([first.automated, second.automated]).toEqual([false, false]);
    const third = classifyClick(request({ linkId: 3, at: at + 4_000 }), bursts);
    // The third makes it a burst: it is automated, and the second, already counted, recounted.
    expect(third).toEqual({
      automated: true,
      hour: epochHour(at),
      recount: [{ linkId: 2, hour: epochHour(at) }],
    });
    const fourth = classifyClick(request({ linkId: 4, at: at + 5_000 }), bursts);
    expect(fourth).toEqual({ automated: true, hour: epochHour(at), recount: [] });
  });

  it('leaves a reader alone who clicks one link twice and another one', () => {
    const bursts = new BurstWatch();
    const results = [1, 1, 2].map((linkId, i) =>
      classifyClick(request({ linkId, at: at + i * 1_000 }), bursts),
    );
    expect(results.map((r) => r.automated)).toEqual([false, false, false]);
  });

  it('keeps the window exact over a long stream from one address, as behind a town hall’s network', () => {
    const bursts = new BurstWatch();
    // 20,000 clicks on two links, one a millisecond, then a third link: a burst over the last
    // ten seconds only, whose first request stays a click.
    for (let i = 0; i < 20_000; i++)
      expect(classifyClick(request({ linkId: 1 + (i % 2), at: at + i }), bursts).automated).toBe(
        false,
      );
    const third = classifyClick(request({ linkId: 3, at: at + 20_000 }), bursts);
    expect(third.automated).toBe(true);
    // In the window: requests 10,001 to 19,999; the first of them keeps counting.
    expect(third.recount).toHaveLength(9_998);
    expect(third.recount[0]).toEqual({ linkId: 1 + (10_002 % 2), hour: epochHour(at + 10_002) });
    // Recounted once: the next request of the burst recounts nothing again.
    expect(classifyClick(request({ linkId: 1, at: at + 20_001 }), bursts).recount).toEqual([]);
  });

  it('keeps clients, issues and slow readers apart', () => {
    const bursts = new BurstWatch();
    classifyClick(request({ linkId: 1, client: '192.0.2.10' }), bursts);
    classifyClick(request({ linkId: 2, client: '192.0.2.11' }), bursts);
    expect(classifyClick(request({ linkId: 3, client: '192.0.2.12' }), bursts).automated).toBe(
      false,
    );
    classifyClick(request({ linkId: 5, issueId: 5 }), bursts);
    classifyClick(request({ linkId: 6, issueId: 6 }), bursts);
    expect(classifyClick(request({ linkId: 7, issueId: 7 }), bursts).automated).toBe(false);
    const slow = new BurstWatch();
    for (const [i, linkId] of [1, 2, 3].entries())
      expect(classifyClick(request({ linkId, at: at + i * 6_000 }), slow).automated).toBe(false);
  });

  it('does not apply the burst rule without a known client address', () => {
    const bursts = new BurstWatch();
    const results = [1, 2, 3, 4].map((linkId) =>
      classifyClick(request({ linkId, client: null }), bursts),
    );
    expect(results.every((r) => !r.automated)).toBe(true);
    expect(bursts.clients).toBe(0);
  });

  it('does not recount what was automated already', () => {
    const bursts = new BurstWatch();
    classifyClick(request({ linkId: 1 }), bursts);
    classifyClick(request({ linkId: 2, method: 'HEAD' }), bursts);
    expect(classifyClick(request({ linkId: 3 }), bursts).recount).toEqual([]);
  });
});

describe('BurstWatch.prune', () => {
  it('forgets clients once their last request is out of the window', () => {
    const bursts = new BurstWatch();
    classifyClick(request({ client: '192.0.2.10' }), bursts);
    classifyClick(request({ client: '192.0.2.11', at: at + 8_000 }), bursts);
    bursts.prune(at + 9_000);
    expect(bursts.clients).toBe(2);
    bursts.prune(at + 10_000);
    expect(bursts.clients).toBe(1);
    bursts.prune(at + 18_000);
    expect(bursts.clients).toBe(0);
  });
});
