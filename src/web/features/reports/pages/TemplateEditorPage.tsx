// 编辑报告模板: name, key and description, the text with its placeholders as chips, a picker that inserts one
// without typing a key, and the live preview beside it (under it on a phone). Saving sends the version read, so a
// concurrent save is a 409 with a reload offered instead of a silent overwrite.
import { DeleteOutlined, PlusCircleOutlined, QuestionCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Popover, Row, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorText, parseTemplate } from '../../../../core/report-template';
import type { RenderWarning } from '../../../../core/report-document';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { useIndicators } from '../../indicators/api/get-indicators';
import { useLedgers } from '../../ledgers/api/get-ledgers';
import { useCreateTemplate, useDeleteTemplate, useReloadTemplate, useReportTemplate, useUpdateTemplate } from '../api/template-editor-api';
import type { TemplateDetail } from '../api/types';
import { PlaceholderPicker } from '../components/PlaceholderPicker';
import { TemplatePreview, useLivePreview } from '../components/TemplatePreview';
import { TemplateTextEditor, type TemplateTextEditorHandle } from '../components/TemplateTextEditor';
import type { ChipToken, NameBook } from '../components/template-chips';
import { TemplateKeyField } from '../components/TemplateKeyField';
import { keyFromName, TEMPLATE_KEY_PATTERN as KEY_PATTERN, TEMPLATE_KEY_RULE } from '../components/template-key';
import { useUnsavedGuard } from '../components/use-unsaved-guard';

const NEW_BODY = `# {{township name}}{{date period}}工作汇报

## 一、总体情况
今年以来，{{township short}}镇……

## 二、下一步工作打算
`;

/** "第2行第5列" in a message → the offset it points at. */
function offsetOfMessage(body: string, message: string): number | undefined {
  const m = /第(\d+)行(?:第(\d+)列)?/.exec(message);
  if (!m) return undefined;
  const lines = body.split('\n');
  const line = Number(m[1]);
  if (line < 1 || line > lines.length) return undefined;
  return lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + (m[2] ? Number(m[2]) - 1 : 0);
}

const SYNTAX_HELP = (
  <div style={{ maxWidth: 340, fontSize: 13 }}>
    <p style={{ margin: '0 0 6px' }}>每行一段：</p>
    <div style={{ fontFamily: 'monospace', lineHeight: 1.8 }}>
      # 标题（第一行）
      <br />
      ## 一、一级标题
      <br />
      ### （一）二级标题
      <br />
      其余各行为正文段落，空行忽略
    </div>
    <p style={{ margin: '6px 0 0' }}>
      蓝色方块是从台账和指标取来的数据，点击可修改；红色的写法有误或数据不存在。用“插入数据”添加，不必记指标键。表格占位符单独占一行。
    </p>
  </div>
);

export default function TemplateEditorPage() {
  const { key } = useParams();
  const template = useReportTemplate(key);
  const [generation, setGeneration] = useState(0);
  if (key && template.isPending) return <PageLoading />;
  if (key && template.error) return <ApiErrorResult error={template.error} onRetry={() => template.refetch()} />;
  return (
    <TemplateForm key={`${key ?? 'new'}-${generation}`} saved={key ? template.data : undefined} onReloaded={() => setGeneration((g) => g + 1)} />
  );
}

function TemplateForm({ saved, onReloaded }: { saved?: TemplateDetail; onReloaded: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const creating = !saved;
  const [name, setName] = useState(saved?.name ?? '');
  const [key, setKey] = useState(saved?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(false);
  const [description, setDescription] = useState(saved?.description ?? '');
  const [body, setBody] = useState(saved?.body ?? NEW_BODY);
  const [version, setVersion] = useState(saved?.version ?? 0);
  const [baseline, setBaseline] = useState({ name: saved?.name ?? '', description: saved?.description ?? '', body: saved?.body ?? NEW_BODY });
  const [picker, setPicker] = useState<{ open: boolean; editing?: ChipToken }>({ open: false });
  const editor = useRef<TemplateTextEditorHandle>(null);

  const create = useCreateTemplate();
  const update = useUpdateTemplate(saved?.key ?? '');
  const remove = useDeleteTemplate(saved?.key ?? '');
  const reload = useReloadTemplate();
  const saving = create.isPending || update.isPending;
  const saveError = create.error ?? update.error;
  const conflict = saveError instanceof ApiError && saveError.status === 409 && !creating;

  const indicators = useIndicators(me.abilities.indicatorRead);
  const ledgers = useLedgers();
  const names: NameBook = useMemo(() => {
    const i = new Map((indicators.data?.items ?? []).map((x) => [x.key, x.name]));
    const l = new Map((ledgers.data?.items ?? []).map((x) => [x.key, x.name]));
    return { indicator: (k) => i.get(k), ledger: (k) => l.get(k) };
  }, [indicators.data, ledgers.data]);

  const parsed = useMemo(() => parseTemplate(body), [body]);
  const preview = useLivePreview(body);
  const dirty = name !== baseline.name || description !== baseline.description || body !== baseline.body;
  const allowLeave = useUnsavedGuard(dirty);
  const mayEdit = saved ? saved.mayEdit : true;

  const onName = (v: string) => {
    setName(v);
    if (creating && !keyTouched) setKey(keyFromName(v));
  };

  const selectPlaceholder = (w: RenderWarning) => {
    const current = parsed.placeholders;
    const p =
      (w.index !== undefined && current[w.index]?.raw === w.placeholder ? current[w.index] : undefined) ??
      current.find((x) => x.raw === w.placeholder);
    if (p) editor.current?.selectAt(p.offset);
  };
  const selectMessage = (text: string) => {
    const at = offsetOfMessage(body, text);
    if (at !== undefined) editor.current?.selectAt(at);
  };

  const save = () => {
    if (!name.trim()) return void message.error('请填写模板名称');
    if (creating && !KEY_PATTERN.test(key)) return void message.error(TEMPLATE_KEY_RULE);
    if (parsed.errors.length) return void message.error(`模板有 ${parsed.errors.length} 处错误，请先改正（见正文下方）`);
    const done = (t: TemplateDetail) => {
      setBaseline({ name: t.name, description: t.description, body: t.body });
      setVersion(t.version);
      message.success(creating ? '模板已创建' : `已保存为第${t.version}版`);
      if (creating) {
        allowLeave();
        navigate(`/reports/templates/${t.key}`, { replace: true });
      }
    };
    if (creating) create.mutate({ key, name: name.trim(), description, body }, { onSuccess: done });
    else update.mutate({ version, name: name.trim(), description, body }, { onSuccess: done });
  };

  const overwrite = async () => {
    const current = await reload(saved!.key);
    update.mutate(
      { version: current.version, name: name.trim(), description, body },
      {
        onSuccess: (t) => {
          setBaseline({ name: t.name, description: t.description, body: t.body });
          setVersion(t.version);
          message.success(`已用您的内容覆盖，保存为第${t.version}版`);
        },
      },
    );
  };

  const reloadFromServer = () =>
    modal.confirm({
      title: '重新载入模板？',
      content: '将显示他人保存的最新内容，您未保存的修改会丢失。',
      okText: '重新载入',
      onOk: async () => {
        await reload(saved!.key);
        allowLeave();
        onReloaded();
      },
    });

  const confirmDelete = () =>
    modal.confirm({
      title: `删除模板“${saved!.name}”？`,
      content: (
        <>
          {saved!.builtin && <p style={{ color: '#cf1322' }}>这是系统内置模板，删除后本镇将不能再用它生成报告。</p>}
          <p style={{ margin: 0 }}>已保存的报告版本不受影响，仍可查看和导出。</p>
        </>
      ),
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: () =>
        remove.mutateAsync().then(() => {
          message.success('模板已删除');
          allowLeave();
          navigate('/reports');
        }),
    });

  const fieldErrors = saveError instanceof ApiError && saveError.status === 400 ? saveError.errors : [];

  return (
    <>
      <PageHeader
        title={creating ? '新建报告模板' : `编辑模板：${saved.name}`}
        subTitle={
          creating ? (
            '写好正文，用“插入数据”放入要取的数据，预览随之更新'
          ) : (
            <>
              第{version}版{saved.builtin && <Tag style={{ marginLeft: 6 }}>内置</Tag>}
              {dirty && <Tag color="orange">未保存</Tag>}
            </>
          )
        }
        extra={
          <>
            <Link to="/reports">
              <Button>返回报告</Button>
            </Link>
            {!creating && mayEdit && (
              <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
                删除
              </Button>
            )}
            <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!mayEdit} onClick={save}>
              {creating ? '创建模板' : '保存'}
            </Button>
          </>
        }
      />
      {!mayEdit && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="您可以查看和预览此模板，但无权修改" />}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card size="small" title="模板" styles={{ body: { padding: 12 } }}>
            <Form layout="vertical" component="div">
              <Row gutter={12}>
                <Col xs={24} md={creating ? 12 : 24}>
                  <Form.Item label="模板名称" required style={{ marginBottom: 8 }}>
                    <Input aria-label="模板名称" maxLength={60} value={name} onChange={(e) => onName(e.target.value)} placeholder="如 半年工作汇报" />
                  </Form.Item>
                </Col>
                {creating && (
                  <Col xs={24} md={12}>
                    <TemplateKeyField
                      value={key}
                      onChange={(v) => {
                        setKeyTouched(true);
                        setKey(v);
                      }}
                      placeholder="如 half-year"
                      tooltip="用于链接和接口，创建后不能修改；小写字母开头，可含数字和连字符"
                      itemStyle={{ marginBottom: 8 }}
                    />
                  </Col>
                )}
              </Row>
              <Form.Item label="说明" style={{ marginBottom: 8 }}>
                <Input.TextArea
                  aria-label="说明"
                  maxLength={500}
                  autoSize={{ minRows: 1, maxRows: 3 }}
                  value={description}
                  onChange={(e) => setDescription(e.target.value)}
                />
              </Form.Item>
            </Form>
            <Flex gap={8} wrap align="center" style={{ margin: '4px 0 8px' }}>
              <Button type="primary" ghost icon={<PlusCircleOutlined />} onClick={() => setPicker({ open: true })} disabled={!mayEdit}>
                插入数据
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                在正文中点好位置后插入；{parsed.placeholders.length} 个数据项
              </Typography.Text>
              <Popover content={SYNTAX_HELP} title="模板写法" trigger="click">
                <Button type="link" size="small" icon={<QuestionCircleOutlined />}>
                  写法说明
                </Button>
              </Popover>
            </Flex>
            <TemplateTextEditor
              ref={editor}
              value={body}
              onChange={setBody}
              names={names}
              namesLoaded={indicators.isSuccess && ledgers.isSuccess}
              problems={preview.problems}
              onChipClick={(chip) => mayEdit && setPicker({ open: true, editing: chip })}
            />
            {parsed.errors.length > 0 && (
              <Alert
                type="error"
                showIcon
                style={{ marginTop: 8 }}
                title={`模板有 ${parsed.errors.length} 处错误`}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {parsed.errors.slice(0, 20).map((e, i) => (
                      <li key={i}>
                        <a onClick={() => editor.current?.selectAt(e.offset)}>{errorText(e)}</a>
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            {conflict && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 8 }}
                title="保存失败：模板已被他人修改"
                description="在您编辑期间，有人保存了这个模板的新版本。可以重新载入他人的版本（放弃您的修改），或用您的内容覆盖。"
                action={
                  <Flex vertical gap={6}>
                    <Button size="small" onClick={reloadFromServer}>
                      重新载入
                    </Button>
                    <Button size="small" danger loading={update.isPending} onClick={overwrite}>
                      仍用我的覆盖
                    </Button>
                  </Flex>
                }
              />
            )}
            {saveError && !conflict && (
              <Alert
                type="error"
                showIcon
                style={{ marginTop: 8 }}
                title={`保存失败：${errorDetail(saveError)}`}
                description={
                  fieldErrors.length > 0 && (
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {fieldErrors.map((e, i) => (
                        <li key={i}>
                          <a onClick={() => selectMessage(e.message)}>{e.message}</a>
                        </li>
                      ))}
                    </ul>
                  )
                }
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <TemplatePreview preview={preview} hasErrors={parsed.errors.length > 0} onSelectPlaceholder={selectPlaceholder} />
        </Col>
      </Row>
      <PlaceholderPicker
        open={picker.open}
        initial={picker.editing?.raw}
        onClose={() => setPicker({ open: false })}
        onPick={(text) => {
          if (picker.editing) editor.current?.replace(picker.editing.offset, picker.editing.raw.length, text);
          else editor.current?.insert(text);
          setPicker({ open: false });
        }}
      />
    </>
  );
}
