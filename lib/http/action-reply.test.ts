import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { argumentsProblem, boundActionProblem, MAX_ACTION_ARGUMENTS } from './action-reply';

// The guard is only right if React agrees with it. These tests run React's own reply encoder
// (what our client code sends) and decoder (what Next runs on the server: the build Next ships,
// in a Node process with the react-server condition, as inside Next).

const root = path.resolve(import.meta.dirname, '../..');
const dom = 'next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack';

/** A reply as it travels: the JSON root alone, or form fields (root in field "0"). */
type Reply = { text: string } | { fields: [string, string][] };

function node(script: string, input: unknown, conditions: string[] = []): unknown {
  const run = spawnSync(process.execPath, [...conditions, '-e', script], {
    cwd: root,
    input: JSON.stringify(input),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/** React's client encoder on argument lists described in JS source (so they may hold FormData, Dates). */
function encode(sources: string[]): Reply[] {
  return node(
    `const { encodeReply } = require('${dom}-client.node.production.js');
     const sources = JSON.parse(require('fs').readFileSync(0, 'utf8'));
     (async () => {
       const out = [];
       for (const source of sources) {
         const reply = await encodeReply(eval(source));
         out.push(typeof reply === 'string' ? { text: reply } : { fields: [...reply.entries()] });
       }
       process.stdout.write(JSON.stringify(out));
     })();`,
    sources,
  ) as Reply[];
}

/** React's server decoder: 'ok', or the error it throws (or 'hangs'). */
function decode(replies: Reply[]): string[] {
  return node(
    `const s = require('${dom}-server.node.production.js');
     const replies = JSON.parse(require('fs').readFileSync(0, 'utf8'));
     (async () => {
       const out = [];
       for (const reply of replies) {
         let body = reply.text;
         if (body === undefined) { body = new FormData(); for (const [k, v] of reply.fields) body.append(k, v); }
         try {
           const args = await Promise.race([
             s.decodeReply(body, {}, { temporaryReferences: s.createTemporaryReferenceSet() }),
             new Promise((_, reject) => setTimeout(() => reject(new Error('hangs')), 1000)),
           ]);
           out.push(Array.isArray(args) ? 'ok' : 'geen lijst');
         } catch (error) { out.push(String(error.message).slice(0, 80)); }
       }
       process.stdout.write(JSON.stringify(out));
     })();`,
    replies,
    ['--conditions', 'react-server'],
  ) as string[];
}

function guard(reply: Reply): string | null {
  if ('text' in reply) return argumentsProblem(reply.text);
  const fields = new Map(reply.fields);
  return argumentsProblem(fields.get('0') ?? '', (name) => fields.get(name));
}

describe('server action arguments', () => {
  it('lets through what our client code sends, and React decodes all of it', () => {
    const replies = encode([
      // useActionState with a form: the previous state and the FormData.
      `(() => { const f = new FormData(); f.append('email', 'a@b.nl'); f.append('themas', '1'); f.append('themas', '2'); return [{ status: 'idle' }, f]; })()`,
      `(() => { const f = new FormData(); f.append('$ACTION_KEY', 'k'); return [{ status: 'invalid', message: 'x', fieldErrors: { email: 'y' } }, f]; })()`,
      // Direct calls with plain values, as the builder makes them.
      `[12, { blocks: [{ id: 'a', kind: 'item', itemId: 3, note: '$ begint met een dollar' }], version: 4 }]`,
      `[new Date('2026-11-29T10:00:00Z'), undefined, null, 12n, -0, Infinity, NaN, 'tekst']`,
      `(() => { const shared = { a: 1 }; return [shared, [shared]]; })()`,
      `[Promise.resolve({ klaar: true })]`,
      `[]`,
    ]);
    expect(replies.map(guard)).toEqual(replies.map(() => null));
    expect(decode(replies)).toEqual(replies.map(() => 'ok'));
  });

  it('refuses what React cannot decode or our actions cannot take', () => {
    const state = '{"status":"idle"}';
    const reactFails: Reply[] = [
      { text: '[' },
      { text: 'nope' },
      { text: `[${state},"$9"]` },
      { text: `[${state},"$Q9"]` },
      { text: `[${state},"$nabc"]` },
      { text: `[${state},"$n${'9'.repeat(301)}"]` },
      { text: `[${state},"$B1"]` },
      { text: `[${state},"$Z"]` },
      { text: `[${state},"$1:a:b"]` },
      {
        fields: [
          ['0', `[${state},"$1"]`],
          ['1', '['],
        ],
      },
      {
        fields: [
          ['0', `[${state},"$1:x"]`],
          ['1', '{"y":1}'],
        ],
      },
    ];
    expect(reactFails.map(guard).filter((problem) => problem === null)).toEqual([]);
    expect(decode(reactFails).filter((verdict) => verdict === 'ok')).toEqual([]);

    // React decodes these, but into what no action of ours can use: a promise that never
    // settles, an opaque client reference, a value that contains itself.
    const useless: Reply[] = [
      { text: `[${state},"$@9"]` },
      { text: `[${state},"$T"]` },
      {
        fields: [
          ['0', `[${state},"$1"]`],
          ['1', '["$1"]'],
        ],
      },
    ];
    expect(useless.map(guard).filter((problem) => problem === null)).toEqual([]);

    // Not React's problem, but ours: an argument list that is not one, or far too long.
    expect(argumentsProblem('{"a":1}')).toBe('de argumenten zijn geen lijst');
    expect(argumentsProblem(`[${'1,'.repeat(MAX_ACTION_ARGUMENTS)}1]`)).toBe('te veel argumenten');
    expect(argumentsProblem(`[${'['.repeat(100)}${']'.repeat(100)}]`)).toBe('te diep genest');
    expect(argumentsProblem('[{"__proto__":{"x":1}}]')).toBe('verboden sleutel __proto__');
    // A part referenced over and over adds up, as it does for React.
    const big = JSON.stringify(Array.from({ length: 50_000 }, () => 1));
    expect(
      argumentsProblem(`[${Array.from({ length: 30 }, () => '"$1"').join(',')}]`, (name) =>
        name === '1' ? big : undefined,
      ),
    ).toBe('te veel verwijzingen');
  });

  it('never lets through a reply React cannot decode (2,000 seeded random replies)', () => {
    let seed = 20261129;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const tokens = [
      '$$x',
      '$undefined',
      '$NaN',
      '$Infinity',
      '$-0',
      '$-Infinity',
      '$D2026-01-01',
      '$Dxx',
      '$n12',
      '$n-3',
      '$n',
      '$nx',
      '$K1',
      '$K',
      '$1',
      '$2',
      '$3',
      '$a',
      '$@1',
      '$@2',
      '$Q1',
      '$W1',
      '$i1',
      '$B1',
      '$h1',
      '$F1',
      '$T',
      '$1:x',
      '$',
      '$0',
      'plain',
    ];
    const value = (depth: number): unknown => {
      const roll = random();
      if (depth > 3 || roll < 0.4) return pick(tokens);
      if (roll < 0.55) return pick([1, -1.5, true, null, 'tekst']);
      if (roll < 0.8)
        return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(random() * 3) }, (_, i) => [`k${i}`, value(depth + 1)]),
      );
    };
    const replies: Reply[] = Array.from({ length: 2000 }, () => {
      const args = JSON.stringify(Array.from({ length: Math.floor(random() * 4) }, () => value(0)));
      if (random() < 0.4) return { text: args };
      const fields: [string, string][] = [['0', args]];
      for (const name of ['1', '2', '3', '10', '_1_email'])
        if (random() < 0.5) fields.push([name, random() < 0.8 ? JSON.stringify(value(1)) : '{']);
      return { fields };
    });
    const accepted = replies.filter((reply) => guard(reply) === null);
    const verdicts = decode(accepted);
    expect(verdicts.filter((v) => v !== 'ok')).toEqual([]);
    // And the test is not empty: a fair share of the random replies is plain enough to pass.
    expect(accepted.length).toBeGreaterThan(200);
  });
});

describe('a form posted without JavaScript', () => {
  const form = (fields: [string, string][]) => {
    const map = new Map(fields);
    return (name: string) => map.get(name);
  };

  it('takes an action with its bound state, or without any', () => {
    const id = '60' + 'ab'.repeat(20);
    expect(
      boundActionProblem(
        '$ACTION_1:',
        form([
          ['$ACTION_1:0', `{"id":"${id}","bound":"$@1"}`],
          ['$ACTION_1:1', '[{"status":"idle"}]'],
        ]),
      ),
    ).toBeNull();
    expect(
      boundActionProblem('$ACTION_1:', form([['$ACTION_1:0', `{"id":"${id}","bound":null}`]])),
    ).toBeNull();
  });

  it('refuses a missing, broken or dangling action reference', () => {
    const id = '60' + 'ab'.repeat(20);
    for (const fields of [
      [],
      [['$ACTION_1:0', '{']],
      [['$ACTION_1:0', 'null']],
      [['$ACTION_1:0', '{"bound":null}']],
      [['$ACTION_1:0', `{"id":"${id}","bound":"$@7"}`]],
      [
        ['$ACTION_1:0', `{"id":"${id}","bound":"$Q1"}`],
        ['$ACTION_1:1', '[]'],
      ],
      [
        ['$ACTION_1:0', `{"id":"${id}","bound":"$@1"}`],
        ['$ACTION_1:1', '['],
      ],
      [
        ['$ACTION_1:0', `{"id":"${id}","bound":"$@1"}`],
        ['$ACTION_1:1', '["$K9","$9"]'],
      ],
    ] as [string, string][][])
      expect(boundActionProblem('$ACTION_1:', form(fields)), JSON.stringify(fields)).not.toBeNull();
  });
});
