// The page of an official Chinese document (GB/T 9704-2012, 党政机关公文格式), shared by the Word writer and the
// print view so both lay a report out the same way: A4, a 156 × 225 mm text area of 22 lines × 28 characters.

/** Page and margins in millimetres. */
export const PAGE_MM = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Font sizes in points: 2号 title, 3号 body and headings, 4号 page numbers, 小四 table text. */
export const SIZE_PT = { title: 22, body: 16, pageNumber: 14, table: 12 } as const;

/** The fonts GB/T 9704 names, each with the font to fall back to where it is not installed. */
export const FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体' },
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
  kai: { name: '楷体_GB2312', fallback: '楷体' },
  hei: { name: '黑体', fallback: undefined },
  song: { name: '宋体', fallback: undefined },
} as const;

/** Millimetres in twentieths of a point (twips), the unit of Word's page setup. */
export const mmToTwips = (mm: number) => Math.round((mm * 1440) / 25.4);
