import { describe, expect, it } from 'vitest';
import type { RichDoc } from '@/lib/richtext/doc';
import { fillFirstName, firstNameOf, greetingName } from './greeting';

describe('firstNameOf', () => {
  it.each([
    ['Annemiek Scholten', 'Annemiek'],
    ['  Jan-Willem   de Boer ', 'Jan-Willem'],
    ['Ayşe Yıldız', 'Ayşe'],
    ['Zoë', 'Zoë'],
    ['Scholten, Annemiek', 'Annemiek'],
    ['<b>Jan & Co', '<b>Jan'],
  ])('greets %j as %j', (name, first) => {
    expect(firstNameOf(name)).toBe(first);
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['   '],
    ['J. de Vries'],
    ['J.P. Balkenende'],
    ['J de Vries'],
    ['mr. Jansen'],
    ['Mr Jansen'],
    ['dhr. Bakker'],
    ['Dhr Bakker'],
    ['mevr. El Idrissi'],
    ['Mevrouw Kok'],
    ['de heer Visser'],
    ['drs. Mulder'],
    ['Th. Peters'],
    ['123 Gemeente'],
    ['Jansen,'],
  ])('has no first name to greet in %j', (name) => {
    expect(firstNameOf(name)).toBeNull();
  });

  it('falls back to “lezer” where there is no first name', () => {
    expect(greetingName('mevr. Bakker')).toBe('lezer');
    expect(greetingName(null)).toBe('lezer');
    expect(greetingName('Petra Kok')).toBe('Petra');
  });
});

describe('fillFirstName', () => {
  const doc: RichDoc = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Beste {voornaam},' }] },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [
              {
                type: 'paragraph',
                content: [
                  { type: 'text', text: 'Ook voor u, {voornaam}', marks: [{ type: 'bold' }] },
                ],
              },
            ],
          },
        ],
      },
    ],
  };

  it('fills every {voornaam} in paragraphs and lists, keeping the marks', () => {
    const filled = fillFirstName(doc, 'Petra');
    expect(JSON.stringify(filled)).not.toContain('{voornaam}');
    expect(filled.content[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'Beste Petra,' }],
    });
    expect(JSON.stringify(filled)).toContain(
      '"text":"Ook voor u, Petra","marks":[{"type":"bold"}]',
    );
    // The stored document is not changed.
    expect(JSON.stringify(doc)).toContain('Beste {voornaam},');
  });

  it('returns a document without the token as it is', () => {
    const plain: RichDoc = { type: 'doc', content: [{ type: 'paragraph' }] };
    expect(fillFirstName(plain, 'Petra')).toBe(plain);
  });
});
