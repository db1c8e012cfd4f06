import { Fragment, type CSSProperties, type ReactNode } from 'react';
import {
  linkRuns,
  type RichBlock,
  type RichDoc,
  type RichInline,
  type RichList,
  type RichListItem,
  type RichTextNode,
} from './doc';

/** Mail clients ignore style sheets, so a mail gets a style on every element; a page gets classes. */
export type RichTextStyles =
  | {
      mode: 'email';
      p: CSSProperties;
      a: CSSProperties;
      h3: CSSProperties;
      list: CSSProperties;
      li: CSSProperties;
    }
  | {
      mode: 'web';
      className?: { p?: string; a?: string; h3?: string; ul?: string; ol?: string; li?: string };
    };

/**
 * A rich-text document as HTML elements, for mails and pages alike. Text goes in as React
 * children, which React escapes; hrefs were checked by the schema.
 */
export function RichText({ doc, styles }: { doc: RichDoc; styles: RichTextStyles }) {
  return <>{doc.content.map((block, i) => renderBlock(block, styles, i))}</>;
}

/** Style or class for one kind of element, as the mode wants it. */
function look(styles: RichTextStyles, tag: 'p' | 'a' | 'h3' | 'ul' | 'ol' | 'li') {
  if (styles.mode === 'web') return { className: styles.className?.[tag] };
  return { style: tag === 'ul' || tag === 'ol' ? styles.list : styles[tag] };
}

function renderBlock(block: RichBlock, styles: RichTextStyles, key: number): ReactNode {
  switch (block.type) {
    case 'paragraph':
      // An empty paragraph is a blank line in the editor; without a break it would collapse.
      return (
        <p key={key} {...look(styles, 'p')}>
          {block.content ? renderInlines(block.content, styles) : <br />}
        </p>
      );
    case 'heading':
      return (
        <h3 key={key} {...look(styles, 'h3')}>
          {renderInlines(block.content ?? [], styles)}
        </h3>
      );
    default:
      return renderList(block, styles, key);
  }
}

function renderList(list: RichList, styles: RichTextStyles, key: number): ReactNode {
  const items = list.content.map((item, i) => renderItem(item, styles, i));
  return list.type === 'orderedList' ? (
    <ol key={key} start={list.attrs?.start} {...look(styles, 'ol')}>
      {items}
    </ol>
  ) : (
    <ul key={key} {...look(styles, 'ul')}>
      {items}
    </ul>
  );
}

/**
 * A list item's paragraphs go in without <p>: a paragraph's margins would open up the list
 * (and mail clients cannot be told otherwise everywhere), so a line break parts them instead.
 */
function renderItem(item: RichListItem, styles: RichTextStyles, key: number): ReactNode {
  const parts = item.content.map((part, i) => {
    if (part.type !== 'paragraph') return renderList(part, styles, i);
    const afterParagraph = item.content[i - 1]?.type === 'paragraph';
    return (
      <Fragment key={i}>
        {afterParagraph ? <br /> : null}
        {renderInlines(part.content ?? [], styles)}
      </Fragment>
    );
  });
  return (
    <li key={key} {...look(styles, 'li')}>
      {parts}
    </li>
  );
}

function renderInlines(content: readonly RichInline[], styles: RichTextStyles): ReactNode[] {
  return linkRuns(content).map(({ href, nodes }, i) => {
    const inner = nodes.map((node, j) =>
      node.type === 'hardBreak' ? <br key={j} /> : <Fragment key={j}>{renderText(node)}</Fragment>,
    );
    if (href === null) return <Fragment key={i}>{inner}</Fragment>;
    // A page opens another site without handing it a reference to this window.
    const rel = styles.mode === 'web' && /^https?:/i.test(href) ? 'noopener' : undefined;
    return (
      <a key={i} href={href} rel={rel} {...look(styles, 'a')}>
        {inner}
      </a>
    );
  });
}

function renderText(node: RichTextNode): ReactNode {
  const types = new Set(node.marks?.map((mark) => mark.type));
  const italic = types.has('italic') ? <em>{node.text}</em> : node.text;
  return types.has('bold') ? <strong>{italic}</strong> : italic;
}
