import { describe, expect, it } from 'vitest';
import { createPresence, PRESENCE_WINDOW_MS } from './presence';

const anna = { id: 'a', name: 'Anna de Vries' };
const bram = { id: 'b', name: 'Bram Peters' };
const chris = { id: 'c', name: 'Chris Bos' };

function store() {
  let now = 1_000_000;
  const presence = createPresence(() => now);
  return { presence, advance: (ms: number) => (now += ms) };
}

describe('presence', () => {
  it('names the others who have the issue open, sorted, never the viewer themself', () => {
    const { presence } = store();
    presence.see(7, bram);
    presence.see(7, anna);
    presence.see(7, chris);
    presence.see(8, anna);
    expect(presence.others(7, 'a')).toEqual(['Bram Peters', 'Chris Bos']);
    expect(presence.others(7, 'x')).toEqual(['Anna de Vries', 'Bram Peters', 'Chris Bos']);
    expect(presence.others(8, 'a')).toEqual([]);
    expect(presence.others(9, 'a')).toEqual([]);
  });

  it('counts an editor once however many tabs send heartbeats', () => {
    const { presence } = store();
    presence.see(7, anna);
    presence.see(7, anna);
    expect(presence.others(7, 'b')).toEqual(['Anna de Vries']);
  });

  it('keeps an editor for the window after their last heartbeat, and drops them after it', () => {
    const { presence, advance } = store();
    presence.see(7, anna);
    advance(PRESENCE_WINDOW_MS - 15_000);
    presence.see(7, bram);
    advance(15_000);
    expect(presence.others(7, 'c')).toEqual(['Anna de Vries', 'Bram Peters']);
    advance(1);
    expect(presence.others(7, 'c')).toEqual(['Bram Peters']);
    // A heartbeat brings someone back.
    presence.see(7, anna);
    expect(presence.others(7, 'c')).toEqual(['Anna de Vries', 'Bram Peters']);
  });

  it('drops an editor at once when they leave the page', () => {
    const { presence } = store();
    presence.see(7, anna);
    presence.see(7, bram);
    presence.leave(7, 'a');
    expect(presence.others(7, 'c')).toEqual(['Bram Peters']);
    presence.leave(7, 'unknown');
    presence.leave(99, 'a');
    expect(presence.others(7, 'c')).toEqual(['Bram Peters']);
  });
});
