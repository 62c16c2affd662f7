// The template text with each {{…}} shown as a chip: a contentEditable box whose children are text nodes (new
// lines kept as "\n" under white-space: pre-wrap) and non-editable chip spans holding the raw placeholder. The DOM
// is the user's while he types; it is read back into text on every input and rebuilt only when the text changes
// from outside (the picker, a chip's edit, a reload) or when typing left something that is not text or a chip.
import { forwardRef, useCallback, useImperativeHandle, useLayoutEffect, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { parseTemplate } from '../../../../core/report-template';
import { chipLabel, holdsToken, templatePieces, unknownName, type ChipToken, type NameBook } from './template-chips';

export interface TemplateTextEditorHandle {
  /** Inserts text where the caret last was (the end when the editor was never focused). */
  insert: (text: string) => void;
  /** Replaces `length` characters at `offset` (a chip's edit). */
  replace: (offset: number, length: number, text: string) => void;
  /** Selects the chip at a text offset and brings it into view. */
  selectAt: (offset: number) => void;
}

interface Props {
  value: string;
  onChange: (text: string) => void;
  names: NameBook;
  /** The names have loaded: an unknown one can be told apart from one not fetched yet. */
  namesLoaded: boolean;
  /** Problems the preview found, by the placeholder as written. */
  problems?: Map<string, string>;
  onChipClick?: (chip: ChipToken) => void;
  ariaLabel?: string;
  minHeight?: number;
}

const CSS = `
.zw-template-editor { white-space: pre-wrap; word-break: break-word; outline: none; line-height: 2; font-size: 15px;
  padding: 8px 12px; border: 1px solid #d9d9d9; border-radius: 6px; background: #fff; overflow-y: auto; caret-color: #1677ff; }
.zw-template-editor:focus { border-color: #1677ff; box-shadow: 0 0 0 2px rgba(5,145,255,0.1); }
.zw-template-editor .zw-chip { display: inline; padding: 1px 6px; margin: 0 1px; border-radius: 4px; font-size: 13px; cursor: pointer;
  background: #e6f4ff; border: 1px solid #91caff; color: #0958d9; white-space: nowrap; user-select: all; }
.zw-template-editor .zw-chip:hover { background: #bae0ff; }
.zw-template-editor .zw-chip.zw-chip-unknown { background: #fff2e8; border-color: #ffbb96; color: #d4380d; }
.zw-template-editor .zw-chip.zw-chip-error { background: #fff1f0; border-color: #ff7875; color: #cf1322; text-decoration: wavy underline; }
.zw-template-editor .zw-chip.zw-chip-table { background: #f6ffed; border-color: #95de64; color: #389e0d; }
.zw-template-editor .zw-chip.zw-chip-selected { box-shadow: 0 0 0 2px #fa8c16; }
`;

const isChip = (n: Node): n is HTMLElement => n instanceof HTMLElement && n.dataset.raw !== undefined;
const isEnd = (n: Node) => n instanceof HTMLElement && n.dataset.end !== undefined;

/** The text a DOM (sub)tree stands for. */
function serialize(node: Node): string {
  let out = '';
  node.childNodes.forEach((child) => {
    if (child.nodeType === Node.TEXT_NODE) out += (child.nodeValue ?? '').replace(/\u200b/g, '').replace(/\u00a0/g, ' ');
    else if (isChip(child)) out += child.dataset.raw;
    else if (child.nodeName === 'BR') out += isEnd(child) ? '' : '\n';
    else if (child.nodeName === 'DIV' || child.nodeName === 'P') {
      // a browser-made line: a new line before it, unless one is there already
      if (out && !out.endsWith('\n')) out += '\n';
      const inner = serialize(child);
      out += inner === '\n' ? '' : inner;
    } else out += serialize(child);
  });
  return out;
}

/** The children are only text, chips and the end marker, and no typed {{…}} waits to become a chip. */
function canonical(el: HTMLElement): boolean {
  const nodes = [...el.childNodes];
  return (
    nodes.length > 0 &&
    isEnd(nodes[nodes.length - 1]) &&
    nodes.slice(0, -1).every((n) => (n.nodeType === Node.TEXT_NODE ? !holdsToken(n.nodeValue ?? '') : isChip(n) && n.childNodes.length <= 1))
  );
}

/** The offset in the text of a DOM position inside the editor. */
function offsetOf(el: HTMLElement, container: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(el, 0);
  try {
    range.setEnd(container, offset);
  } catch {
    return serialize(el).length;
  }
  const box = document.createElement('div');
  box.appendChild(range.cloneContents());
  return serialize(box).length;
}

function caretRange(el: HTMLElement): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0);
  if (!el.contains(r.startContainer) || !el.contains(r.endContainer)) return null;
  return { start: offsetOf(el, r.startContainer, r.startOffset), end: offsetOf(el, r.endContainer, r.endOffset) };
}

/** The DOM position of a text offset: inside a text node, or between children (before / after a chip). */
function positionAt(el: HTMLElement, offset: number): [Node, number] {
  let left = offset;
  const nodes = [...el.childNodes];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (isEnd(n)) return [el, i];
    const length = n.nodeType === Node.TEXT_NODE ? (n.nodeValue ?? '').length : isChip(n) ? n.dataset.raw!.length : 0;
    if (n.nodeType === Node.TEXT_NODE && left <= length) return [n, left];
    if (isChip(n) && left === 0) return [el, i];
    left -= length;
    if (isChip(n) && left < 0) return [el, i + 1];
  }
  return [el, Math.max(0, nodes.length - 1)];
}

function placeCaret(el: HTMLElement, offset: number) {
  const [node, at] = positionAt(el, offset);
  const range = document.createRange();
  range.setStart(node, at);
  range.collapse(true);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

function makeChip(token: ChipToken): HTMLElement {
  const span = document.createElement('span');
  span.contentEditable = 'false';
  span.className = 'zw-chip';
  span.dataset.raw = token.raw;
  span.setAttribute('role', 'button');
  return span;
}

function build(el: HTMLElement, text: string) {
  const nodes: Node[] = templatePieces(text).map((p) => ('text' in p ? document.createTextNode(p.text) : makeChip(p.chip)));
  const end = document.createElement('br');
  end.dataset.end = '';
  el.replaceChildren(...nodes, end);
}

/** Labels, colours and titles of the chips, from the parse of the text they stand in. */
function decorate(box: HTMLElement, value: string, names: NameBook, namesLoaded: boolean, problems: Map<string, string> | undefined) {
  const parsed = parseTemplate(value);
  const tokens = templatePieces(value, parsed).flatMap((p) => ('chip' in p ? [p.chip] : []));
  const chips = [...box.childNodes].filter(isChip);
  chips.forEach((chip, i) => {
    const token = tokens[i];
    if (!token || token.raw !== chip.dataset.raw) return;
    const p = token.placeholder;
    const problem = token.error?.message ?? (p && (problems?.get(token.raw) ?? unknownName(p, names, namesLoaded)));
    const label = p ? chipLabel(p, names) : `无效·${token.raw.slice(2, -2).trim() || '空'}`;
    if (chip.textContent !== label) chip.textContent = label;
    chip.dataset.offset = String(token.offset);
    chip.className = ['zw-chip', token.error ? 'zw-chip-error' : problem ? 'zw-chip-unknown' : p?.kind === 'table' ? 'zw-chip-table' : '']
      .filter(Boolean)
      .join(' ');
    chip.title = problem ? `${token.raw}\n${problem}（点击修改）` : `${token.raw}（点击修改）`;
    chip.setAttribute('aria-label', `占位符 ${label}${problem ? `，${problem}` : ''}`);
  });
}

export const TemplateTextEditor = forwardRef<TemplateTextEditorHandle, Props>(function TemplateTextEditor(
  { value, onChange, names, namesLoaded, problems, onChipClick, ariaLabel = '模板正文', minHeight = 320 },
  ref,
) {
  const el = useRef<HTMLDivElement>(null);
  /** The text the DOM stands for now. */
  const shown = useRef<string | null>(null);
  const caret = useRef<{ start: number; end: number } | null>(null);
  const pendingCaret = useRef<number | null>(null);
  const composing = useRef(false);
  const latest = useRef({ names, namesLoaded, problems });
  latest.current = { names, namesLoaded, problems };

  const rememberCaret = useCallback(() => {
    if (!el.current) return;
    const r = caretRange(el.current);
    if (r) caret.current = r;
  }, []);

  const readBack = useCallback(() => {
    const box = el.current;
    if (!box || composing.current) return;
    const text = serialize(box);
    if (!canonical(box)) {
      const at = caretRange(box)?.start ?? text.length;
      build(box, text);
      decorate(box, text, latest.current.names, latest.current.namesLoaded, latest.current.problems);
      placeCaret(box, Math.min(at, text.length));
    }
    rememberCaret();
    shown.current = text;
    if (text !== value) onChange(text);
  }, [onChange, rememberCaret, value]);

  // Rebuild on a change from outside; otherwise only refresh the chips' labels and colours.
  useLayoutEffect(() => {
    const box = el.current;
    if (!box) return;
    if (shown.current !== value) {
      build(box, value);
      shown.current = value;
      if (pendingCaret.current !== null) {
        box.focus({ preventScroll: true });
        placeCaret(box, pendingCaret.current);
        caret.current = { start: pendingCaret.current, end: pendingCaret.current };
        pendingCaret.current = null;
      }
    }
    decorate(box, value, names, namesLoaded, problems);
  }, [value, names, namesLoaded, problems]);

  useImperativeHandle(
    ref,
    () => ({
      insert: (text) => {
        const r = caret.current ?? { start: value.length, end: value.length };
        const start = Math.min(r.start, value.length);
        const end = Math.min(Math.max(r.end, start), value.length);
        pendingCaret.current = start + text.length;
        onChange(value.slice(0, start) + text + value.slice(end));
      },
      replace: (offset, length, text) => {
        pendingCaret.current = offset + text.length;
        onChange(value.slice(0, offset) + text + value.slice(offset + length));
      },
      selectAt: (offset) => {
        const box = el.current;
        if (!box) return;
        const chip = [...box.childNodes].filter(isChip).find((c) => c.dataset.offset === String(offset));
        if (!chip) return;
        chip.scrollIntoView({ block: 'center', behavior: 'smooth' });
        chip.classList.add('zw-chip-selected');
        setTimeout(() => chip.classList.remove('zw-chip-selected'), 2400);
        box.focus({ preventScroll: true });
        const range = document.createRange();
        range.selectNode(chip);
        const sel = window.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(range);
        rememberCaret();
      },
    }),
    [onChange, rememberCaret, value],
  );

  const insertPlain = (text: string) => {
    const box = el.current;
    const sel = window.getSelection();
    if (!box || !sel || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    if (!box.contains(range.commonAncestorContainer)) return;
    range.deleteContents();
    const node = document.createTextNode(text);
    range.insertNode(node);
    range.setStartAfter(node);
    range.collapse(true);
    sel.removeAllRanges();
    sel.addRange(range);
    box.normalize();
    readBack();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      insertPlain('\n');
    }
  };
  const onPaste = (e: ClipboardEvent) => {
    e.preventDefault();
    insertPlain(e.clipboardData.getData('text/plain').replace(/\r\n?/g, '\n'));
  };

  return (
    <>
      <style href="zw-template-editor" precedence="default">
        {CSS}
      </style>
      <div
        ref={el}
        className="zw-template-editor"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline
        aria-label={ariaLabel}
        spellCheck={false}
        style={{ minHeight, maxHeight: '70vh' }}
        onInput={readBack}
        onKeyDown={onKeyDown}
        onKeyUp={rememberCaret}
        onMouseUp={rememberCaret}
        onBlur={rememberCaret}
        onPaste={onPaste}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={() => {
          composing.current = false;
          readBack();
        }}
        onClick={(e) => {
          const chip = (e.target as HTMLElement).closest<HTMLElement>('.zw-chip');
          if (!chip || !onChipClick) return;
          const offset = Number(chip.dataset.offset);
          const token = templatePieces(value).find((p) => 'chip' in p && p.chip.offset === offset);
          if (token && 'chip' in token) onChipClick(token.chip);
        }}
      />
    </>
  );
});
