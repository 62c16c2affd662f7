// 从旧报告生成模板: paste a past report or upload its .docx / .txt; every "*" and number becomes a candidate with
// ranked suggestions. One screen reviews them (the text marked in place, a row per candidate), then the chosen
// placeholders are written into a template, saved, and opened in the editor where the preview renders it.
import { CheckSquareOutlined, FileWordOutlined, ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../components/PageHeader';
import { useIsMobile } from '../../../components/use-is-mobile';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { useIndicators } from '../../indicators/api/get-indicators';
import { useLedgers } from '../../ledgers/api/get-ledgers';
import { useCreateTemplate, useSuggestFromFile, useSuggestFromText, type Candidate, type Suggestions } from '../api/template-editor-api';
import { buildTemplateBody } from '../components/build-template-body';
import { CandidateList, KEEP, MarkedReport, MarkLegend, ScrollCard, type CandidateChoice } from '../components/CandidateReview';
import { PlaceholderPicker } from '../components/PlaceholderPicker';
import type { NameBook } from '../components/template-chips';
import { TemplateKeyField } from '../components/TemplateKeyField';
import { keyFromName, TEMPLATE_KEY_PATTERN, TEMPLATE_KEY_RULE } from '../components/template-key';
import { useUnsavedGuard } from '../components/use-unsaved-guard';

const EXAMPLE = '川山坪镇2022年上半年工作汇报\n一、总体情况\n今年共计流转土地*亩，其中耕地*亩。*镇完成厕改*户。';

/** The server's refusal of a file or text, saying why in words a township clerk reads. */
function refusal(error: unknown): string {
  if (error instanceof ApiError && error.status === 413) return `文件太大：${error.detail}`;
  if (error instanceof ApiError && error.status === 415) return `文件格式不支持：${error.detail}`;
  return errorDetail(error);
}

function initialChoices(candidates: Candidate[]): Map<number, CandidateChoice> {
  return new Map(candidates.map((c) => [c.index, { placeholder: c.suggestions[0]?.placeholder ?? KEEP, accepted: false, custom: [] }]));
}

export default function ImportReportPage() {
  const me = useMe();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<Suggestions>();
  const [choices, setChoices] = useState<Map<number, CandidateChoice>>(new Map());
  const [picking, setPicking] = useState<Candidate>();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const fromText = useSuggestFromText();
  const fromFile = useSuggestFromFile();
  const create = useCreateTemplate();
  const allowLeave = useUnsavedGuard(!!answer, '识别结果');

  const indicators = useIndicators(me.abilities.indicatorRead);
  const ledgers = useLedgers();
  const names: NameBook = useMemo(() => {
    const i = new Map((indicators.data?.items ?? []).map((x) => [x.key, x.name]));
    const l = new Map((ledgers.data?.items ?? []).map((x) => [x.key, x.name]));
    return { indicator: (k) => i.get(k), ledger: (k) => l.get(k) };
  }, [indicators.data, ledgers.data]);

  const received = (a: Suggestions) => {
    setAnswer(a);
    setChoices(initialChoices(a.candidates));
    if (!a.candidates.length) message.info('没有找到“*”或数字，可直接生成模板后在编辑器中插入数据');
  };
  const recognise = () => fromText.mutate(text, { onSuccess: received });
  const upload = (file: File) => {
    if (!/\.(docx|txt)$/i.test(file.name)) {
      message.error(file.name.toLowerCase().endsWith('.doc') ? '不支持旧版 .doc 文件，请在 Word 中另存为 .docx 后上传' : '只支持 .docx 或 .txt 文件');
      return;
    }
    fromFile.mutate(file, { onSuccess: received });
  };
  const restart = () =>
    modal.confirm({
      title: '重新开始？',
      content: '当前的识别结果和选择将丢失。',
      okText: '重新开始',
      onOk: () => {
        setAnswer(undefined);
        setChoices(new Map());
        create.reset();
      },
    });

  const setChoice = (index: number, next: CandidateChoice) => setChoices((m) => new Map(m).set(index, next));
  const acceptAll = () =>
    setChoices((m) => {
      const next = new Map(m);
      for (const c of answer?.candidates ?? [])
        next.set(c.index, { ...next.get(c.index)!, placeholder: c.suggestions[0]?.placeholder ?? KEEP, accepted: true });
      return next;
    });
  const pending = [...choices.values()].filter((c) => !c.accepted).length;

  const onName = (v: string) => {
    setName(v);
    if (!keyTouched) setKey(keyFromName(v));
  };
  const generate = () => {
    if (!answer) return;
    if (!name.trim()) return void message.error('请填写模板名称');
    if (!TEMPLATE_KEY_PATTERN.test(key)) return void message.error(TEMPLATE_KEY_RULE);
    const body = buildTemplateBody(
      answer.text,
      answer.candidates.map((c) => ({ offset: c.offset, original: c.original, placeholder: choices.get(c.index)?.placeholder ?? KEEP })),
      name,
    );
    const save = () =>
      create.mutate(
        { key, name: name.trim(), description: '由旧报告生成', body },
        {
          onSuccess: (t) => {
            message.success('模板已生成，可继续编辑');
            allowLeave();
            navigate(`/reports/templates/${t.key}`);
          },
        },
      );
    if (pending)
      modal.confirm({
        title: `还有 ${pending} 处未确认`,
        content: '未确认的按当前所选（默认为首选建议）生成，生成后仍可在编辑器中修改。',
        okText: '生成模板',
        onOk: save,
      });
    else save();
  };

  const loading = fromText.isPending || fromFile.isPending;
  const inputError = fromText.error ?? fromFile.error;

  if (!answer)
    return (
      <>
        <PageHeader
          title="从旧报告生成模板"
          subTitle="粘贴或上传一份旧的工作汇报，系统找出其中的数字和“*”，建议对应的台账或指标数据"
          extra={
            <Link to="/reports">
              <Button>返回报告</Button>
            </Link>
          }
        />
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={14}>
            <Card size="small" title="粘贴报告正文">
              <Input.TextArea
                aria-label="报告正文"
                value={text}
                onChange={(e) => setText(e.target.value)}
                autoSize={{ minRows: isMobile ? 8 : 14, maxRows: 30 }}
                placeholder={`把旧报告的正文粘贴到这里；要取数的地方可写成“*”。例如：\n\n${EXAMPLE}`}
              />
              <Flex gap={8} wrap style={{ marginTop: 12 }}>
                <Button
                  type="primary"
                  icon={<ThunderboltOutlined />}
                  loading={fromText.isPending}
                  disabled={!text.trim() || loading}
                  onClick={recognise}
                >
                  识别数据
                </Button>
              </Flex>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title="或上传文件">
              <Upload.Dragger
                accept=".docx,.txt"
                multiple={false}
                showUploadList={false}
                disabled={loading}
                beforeUpload={(file) => {
                  upload(file);
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <FileWordOutlined />
                </p>
                <p className="ant-upload-text">{fromFile.isPending ? '正在读取…' : '点击或拖入 .docx / .txt 文件'}</p>
                <p className="ant-upload-hint">只读取正文文字；旧版 .doc 请先另存为 .docx</p>
              </Upload.Dragger>
            </Card>
          </Col>
        </Row>
        {inputError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={`识别失败：${refusal(inputError)}`} />}
      </>
    );

  const saveError = create.error;
  return (
    <>
      <PageHeader
        title="从旧报告生成模板"
        subTitle={`找到 ${answer.candidates.length} 处数据，${pending ? `${pending} 处待确认` : '已全部确认'}`}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={restart}>
              重新开始
            </Button>
            <Button icon={<CheckSquareOutlined />} onClick={acceptAll} disabled={!answer.candidates.length}>
              全部接受首选
            </Button>
          </>
        }
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={11}>
          <ScrollCard title="原文" extra={<MarkLegend />} maxHeight={isMobile ? '50vh' : '64vh'}>
            <MarkedReport text={answer.text} candidates={answer.candidates} choices={choices} />
          </ScrollCard>
        </Col>
        <Col xs={24} xl={13}>
          <ScrollCard title="逐处确认" maxHeight={isMobile ? undefined : '64vh'}>
            <CandidateList candidates={answer.candidates} choices={choices} names={names} onChange={setChoice} onPick={setPicking} />
          </ScrollCard>
        </Col>
      </Row>
      <Card size="small" title="生成模板" style={{ marginTop: 12 }}>
        <Form layout={isMobile ? 'vertical' : 'inline'} component="div" style={{ rowGap: 8 }}>
          <Form.Item label="模板名称" required style={{ marginBottom: isMobile ? 8 : 0 }}>
            <Input
              aria-label="模板名称"
              maxLength={60}
              value={name}
              onChange={(e) => onName(e.target.value)}
              placeholder="如 土地流转简报"
              style={{ width: isMobile ? '100%' : 240 }}
            />
          </Form.Item>
          <TemplateKeyField
            value={key}
            onChange={(v) => {
              setKeyTouched(true);
              setKey(v);
            }}
            placeholder="如 land-brief"
            itemStyle={{ marginBottom: isMobile ? 8 : 0 }}
            inputStyle={{ width: isMobile ? '100%' : 200 }}
          />
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" loading={create.isPending} onClick={generate} block={isMobile}>
              生成模板
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          第一行作为标题（太长时用模板名称），“一、”开头的行作为一级标题，“（一）”开头的行作为二级标题；生成后打开模板编辑器，可预览和继续修改。
        </Typography.Paragraph>
        {saveError && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 8 }}
            title={`生成失败：${errorDetail(saveError)}`}
            description={
              saveError instanceof ApiError && saveError.errors.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {saveError.errors.map((e, i) => (
                    <li key={i}>{e.message}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
      </Card>
      <PlaceholderPicker
        open={!!picking}
        initial={picking ? choices.get(picking.index)?.placeholder || undefined : undefined}
        onClose={() => setPicking(undefined)}
        onPick={(p) => {
          if (picking) {
            const current = choices.get(picking.index)!;
            const known = picking.suggestions.some((s) => s.placeholder === p) || current.custom.includes(p);
            setChoice(picking.index, { placeholder: p, accepted: true, custom: known ? current.custom : [...current.custom, p] });
          }
          setPicking(undefined);
        }}
      />
    </>
  );
}
