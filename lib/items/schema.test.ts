import { describe, expect, it } from 'vitest';
import { itemInput } from './schema';

const base = {
  kind: 'news',
  themeId: '2',
  title: 'Wetsvoorstel naar de Kamer',
  teaser: 'Kort.',
  url: 'https://www.vsg.example/a',
};
const errors = (input: object) => {
  const result = itemInput.safeParse(input);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('itemInput', () => {
  it('accepts a news item and drops empty optional fields', () => {
    expect(itemInput.parse(base)).toMatchObject({
      kind: 'news',
      themeId: 2,
      eventDate: null,
      online: false,
    });
  });

  it('requires a title of at most 160 characters, without HTML', () => {
    expect(errors({ ...base, title: '' })).toEqual({ title: 'Vul een titel in.' });
    expect(errors({ ...base, title: 'x'.repeat(161) })).toEqual({
      title: 'Een titel mag hoogstens 160 tekens hebben.',
    });
    expect(errors({ ...base, title: 'Hallo <img src=x onerror=alert(1)>' })).toEqual({
      title: 'De titel mag geen HTML bevatten.',
    });
  });

  it('limits the teaser to 400 characters and links to http(s)', () => {
    expect(errors({ ...base, teaser: 'x'.repeat(401) })).toEqual({
      teaser: 'Een teaser mag hoogstens 400 tekens hebben.',
    });
    expect(errors({ ...base, url: 'ftp://x.example' })).toEqual({
      url: 'Vul een volledig webadres in dat begint met https://',
    });
  });

  it('asks an event for a date and a place or "online", and an end after the start', () => {
    expect(errors({ ...base, kind: 'event' })).toEqual({
      eventDate: 'Een evenement heeft een datum nodig.',
      location: 'Vul een plaats in of kies "online".',
    });
    expect(
      errors({
        ...base,
        kind: 'event',
        eventDate: '2027-01-12',
        online: 'on',
        startTime: '15:00',
        endTime: '13:30',
      }),
    ).toEqual({ endTime: 'De eindtijd moet na de begintijd liggen.' });
    expect(
      errors({ ...base, kind: 'event', eventDate: '2027-01-12', location: 'Utrecht' }),
    ).toEqual({});
  });
});
