// Search keys for names: pinyin initials and full pinyin, so "ytc" or "yantang" finds 燕塘村.
import { pinyin } from 'pinyin-pro';

export function pinyinKey(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' });
  return `${syllables.map((s) => s[0]).join('')} ${syllables.join('')}`.toLowerCase();
}
