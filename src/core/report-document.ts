// A rendered report: the template's blocks with every placeholder replaced by its text. One model feeds the
// browser preview, the Word file, the print view and plain text, so all four always say the same thing.

/** What a figure was read from: enough to open "explain this number" or to compare two versions. */
export interface FigureSource {
  /** indicator | growth | top | rank | field | count | township | date | merge | project | task | unbound */
  kind: string;
  /** The indicator key, ledger.field, project name … as the placeholder names it. */
  target: string;
  /** The org unit (code) and period (id) an indicator figure was read for. */
  orgUnit?: string;
  period?: string;
  /** The number behind the text, before formatting (null when missing). */
  value?: number | null;
}

/** A stretch of text; a figure when it came from a placeholder. */
export interface Run {
  text: string;
  figure?: {
    /** Order of the placeholder in the template (0-based): stable between versions of the same template. */
    index: number;
    /** The placeholder as written, e.g. {{value land_transferred approx=10}}. */
    placeholder: string;
    source: FigureSource;
    /** No value: the text is "—" and the report lists a warning. */
    missing?: boolean;
  };
}

export type ReportBlock =
  | { type: 'heading'; level: 1 | 2; runs: Run[] }
  | { type: 'paragraph'; runs: Run[] }
  | {
      type: 'table';
      /** Header row(s) repeat on every page of the Word file. */
      header: string[];
      /** Each row is its cells, one run per cell. */
      rows: Run[][];
      /** Optional caption above the table, e.g. 附表：重点工程项目“龙虎榜”. */
      caption?: string;
    };

export interface RenderWarning {
  /** Placeholder index in the template, when the warning is about one. */
  index?: number;
  placeholder?: string;
  line?: number;
  column?: number;
  message: string;
}

export interface ReportDocument {
  title: string;
  /** Subtitle line under the title (the unit and period), may be empty. */
  subtitle?: string;
  blocks: ReportBlock[];
  warnings: RenderWarning[];
}

export const MISSING_TEXT = '—';

const runsText = (runs: Run[]) => runs.map((r) => r.text).join('');

/** The report as plain text: title, headings and paragraphs one per line, tables tab-separated. */
export function documentText(doc: ReportDocument): string {
  const lines: string[] = [doc.title];
  if (doc.subtitle) lines.push(doc.subtitle);
  lines.push('');
  for (const block of doc.blocks) {
    if (block.type === 'table') {
      if (block.caption) lines.push(block.caption);
      lines.push(block.header.join('\t'));
      for (const row of block.rows) lines.push(row.map((cell) => cell.text).join('\t'));
    } else {
      lines.push(runsText(block.runs));
    }
  }
  return lines.join('\n') + '\n';
}

/** Every figure of the document in template order (tables included), for versions and comparison. */
export function documentFigures(doc: ReportDocument): NonNullable<Run['figure']>[] {
  const figures: NonNullable<Run['figure']>[] = [];
  const collect = (runs: Run[]) => runs.forEach((r) => r.figure && figures.push(r.figure));
  for (const block of doc.blocks) {
    if (block.type === 'table') block.rows.forEach(collect);
    else collect(block.runs);
  }
  return figures;
}
