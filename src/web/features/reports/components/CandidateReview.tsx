// Reviewing the figures found in a past report: the text with each candidate marked in place, and beside it one
// row per candidate — its context, the ranked suggestions (the first chosen), 保留原文, and 其他数据… (the picker).
import { CheckCircleFilled, CheckOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Select, Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { parseTemplate } from '../../../../core/report-template';
import type { Candidate } from '../api/template-editor-api';
import { chipLabel, type NameBook } from './template-chips';

export interface CandidateChoice {
  /** The placeholder chosen; '' keeps the original text. */
  placeholder: string;
  accepted: boolean;
  /** Placeholders built with the picker, offered beside the suggestions. */
  custom: string[];
}

export const KEEP = '';

const tone = (c: CandidateChoice) => (!c.accepted ? 'pending' : c.placeholder === KEEP ? 'kept' : 'bound');
const TONES = {
  pending: { background: '#fff7e6', border: '#ffa940', color: '#d46b08' },
  kept: { background: '#f5f5f5', border: '#bfbfbf', color: 'rgba(0,0,0,0.65)' },
  bound: { background: '#f6ffed', border: '#73d13d', color: '#389e0d' },
} as const;

export const rowId = (index: number) => `zw-candidate-${index}`;
const markId = (index: number) => `zw-candidate-mark-${index}`;

function scrollIntoView(id: string) {
  const el = document.getElementById(id);
  el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el?.animate?.([{ boxShadow: '0 0 0 3px #1677ff' }, { boxShadow: '0 0 0 3px transparent' }], { duration: 1400 });
}

/** The report's text with every candidate marked where it stands; a click finds its row. */
export function MarkedReport({ text, candidates, choices }: { text: string; candidates: Candidate[]; choices: Map<number, CandidateChoice> }) {
  const sorted = [...candidates].sort((a, b) => a.offset - b.offset);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const c of sorted) {
    if (c.offset < at) continue;
    parts.push(<Fragment key={`t${c.index}`}>{text.slice(at, c.offset)}</Fragment>);
    const choice = choices.get(c.index);
    const t = TONES[choice ? tone(choice) : 'pending'];
    parts.push(
      <mark
        key={`m${c.index}`}
        id={markId(c.index)}
        role="button"
        tabIndex={0}
        aria-label={`第${c.index + 1}处 ${c.original}`}
        onClick={() => scrollIntoView(rowId(c.index))}
        onKeyDown={(e) => e.key === 'Enter' && scrollIntoView(rowId(c.index))}
        style={{
          background: t.background,
          color: t.color,
          borderBottom: `2px solid ${t.border}`,
          padding: '0 2px',
          cursor: 'pointer',
          borderRadius: 2,
        }}
      >
        {c.original}
        <sup style={{ fontSize: 10, marginLeft: 1 }}>{c.index + 1}</sup>
      </mark>,
    );
    at = c.offset + c.original.length;
  }
  parts.push(<Fragment key="end">{text.slice(at)}</Fragment>);
  return (
    <div aria-label="原文" style={{ whiteSpace: 'pre-wrap', lineHeight: 2, fontSize: 15, wordBreak: 'break-all' }}>
      {parts}
    </div>
  );
}

function labelOf(placeholder: string, names: NameBook): string {
  const p = parseTemplate(`# 模板\n${placeholder}`).placeholders[0];
  return p ? chipLabel(p, names) : placeholder;
}

export function CandidateList({
  candidates,
  choices,
  names,
  onChange,
  onPick,
}: {
  candidates: Candidate[];
  choices: Map<number, CandidateChoice>;
  names: NameBook;
  onChange: (index: number, next: CandidateChoice) => void;
  /** Opens the picker for a candidate. */
  onPick: (candidate: Candidate) => void;
}) {
  return (
    <List
      dataSource={candidates}
      renderItem={(c) => {
        const choice = choices.get(c.index)!;
        const keepLabel = c.original === '*' ? '保留原文（“*”待绑定，显示为“—”）' : `保留原文“${c.original}”`;
        const options = [
          ...c.suggestions
            .filter((s) => s.placeholder !== KEEP)
            .map((s) => ({
              value: s.placeholder,
              label: (
                <Flex justify="space-between" gap={8}>
                  <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{s.label}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
                    {Math.round(s.score * 100)}
                  </Typography.Text>
                </Flex>
              ),
              title: s.label,
            })),
          ...choice.custom.map((p) => ({ value: p, label: `${labelOf(p, names)}（手动选择）`, title: labelOf(p, names) })),
          { value: KEEP, label: keepLabel, title: keepLabel },
        ];
        const t = TONES[tone(choice)];
        return (
          <List.Item id={rowId(c.index)} style={{ display: 'block', paddingInline: 4 }}>
            <Flex gap={8} align="baseline" style={{ marginBottom: 6 }}>
              <Tag color={choice.accepted ? (choice.placeholder ? 'green' : 'default') : 'orange'} style={{ flex: 'none', marginInlineEnd: 0 }}>
                {c.index + 1}
              </Tag>
              <Typography.Text
                style={{ fontSize: 13, cursor: 'pointer', wordBreak: 'break-all' }}
                onClick={() => scrollIntoView(markId(c.index))}
                title="在原文中查看"
              >
                <Typography.Text type="secondary">…{c.before.slice(-18)}</Typography.Text>
                <span style={{ background: t.background, color: t.color, borderBottom: `2px solid ${t.border}`, padding: '0 3px', fontWeight: 600 }}>
                  {c.original}
                </span>
                <Typography.Text type="secondary">{c.after.slice(0, 18)}…</Typography.Text>
              </Typography.Text>
            </Flex>
            <Flex gap={6} wrap align="center">
              <Select
                aria-label={`第${c.index + 1}处的数据`}
                style={{ flex: '1 1 240px', minWidth: 0 }}
                value={choice.placeholder}
                options={options}
                optionLabelProp="title"
                popupMatchSelectWidth={false}
                styles={{ popup: { root: { maxWidth: 'min(520px, 92vw)' } } }}
                onChange={(v: string) => onChange(c.index, { ...choice, placeholder: v, accepted: true })}
              />
              <Button
                size="small"
                type={choice.accepted ? 'default' : 'primary'}
                icon={choice.accepted ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <CheckOutlined />}
                aria-label={`接受第${c.index + 1}处`}
                onClick={() => onChange(c.index, { ...choice, accepted: true })}
              >
                {choice.accepted ? '已接受' : '接受'}
              </Button>
              <Button size="small" icon={<EditOutlined />} onClick={() => onPick(c)} aria-label={`为第${c.index + 1}处选择其他数据`}>
                其他数据…
              </Button>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}

/** The legend of the marks' colours. */
export function MarkLegend() {
  return (
    <Flex gap={10} wrap style={{ fontSize: 12 }}>
      {(
        [
          ['pending', '待确认'],
          ['bound', '已绑定数据'],
          ['kept', '保留原文'],
        ] as const
      ).map(([k, label]) => (
        <span key={k}>
          <span
            style={{
              display: 'inline-block',
              width: 10,
              height: 10,
              background: TONES[k].background,
              border: `1px solid ${TONES[k].border}`,
              marginRight: 4,
            }}
          />
          {label}
        </span>
      ))}
    </Flex>
  );
}

/** A card whose body scrolls on a wide screen, so a long report and its list stay side by side. */
export function ScrollCard({
  title,
  extra,
  children,
  maxHeight,
}: {
  title: React.ReactNode;
  extra?: React.ReactNode;
  children: React.ReactNode;
  maxHeight?: string;
}) {
  return (
    <Card size="small" title={title} extra={extra} styles={{ body: { maxHeight, overflowY: maxHeight ? 'auto' : undefined } }}>
      {children}
    </Card>
  );
}
