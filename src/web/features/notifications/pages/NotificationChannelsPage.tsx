// The township's outbound channels: where the daily digest of due and overdue tasks goes besides the in-app centre
// (e-mail, WeCom and DingTalk group robots). Secrets are never shown: a field left empty keeps what is stored.
import { App, Alert, Button, Card, Flex, Form, Input, InputNumber, Segmented, Select, Space, Switch, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useIsMobile } from '../../../components/use-is-mobile';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { useChannels, useSaveChannels, type ChannelKind, type ChannelsInput, type ChannelView } from '../api/channels';

type State = 'off' | 'on' | 'paused';
const STATES = [
  { value: 'off', label: '不使用' },
  { value: 'on', label: '启用' },
  { value: 'paused', label: '暂停' },
];

interface Values {
  email: { state: State; host?: string; port?: number; secure?: boolean; user?: string; password?: string; from?: string; to?: string[] };
  wecom: { state: State; url?: string };
  dingtalk: { state: State; url?: string };
}

const NAMES: Record<ChannelKind, string> = { email: '电子邮件', wecom: '企业微信群机器人', dingtalk: '钉钉群机器人' };

const stateOf = (c: ChannelView | undefined): State => (!c ? 'off' : c.enabled ? 'on' : 'paused');

function initialValues(channels: ChannelView[]): Values {
  const by = (kind: ChannelKind) => channels.find((c) => c.kind === kind);
  const email = by('email');
  return {
    email: {
      state: stateOf(email),
      host: email?.host ?? undefined,
      port: email?.port ?? 465,
      secure: email?.secure ?? true,
      user: email?.user ?? undefined,
      from: email?.from ?? undefined,
      to: email?.to ?? [],
    },
    wecom: { state: stateOf(by('wecom')) },
    dingtalk: { state: stateOf(by('dingtalk')) },
  };
}

function toInput(v: Values): ChannelsInput {
  const channels: ChannelsInput['channels'] = [];
  if (v.email.state !== 'off') {
    channels.push({
      kind: 'email',
      enabled: v.email.state === 'on',
      host: v.email.host ?? '',
      port: v.email.port ?? 465,
      secure: v.email.secure ?? true,
      user: v.email.user || undefined,
      password: v.email.password || undefined,
      from: v.email.from ?? '',
      to: v.email.to ?? [],
    });
  }
  for (const kind of ['wecom', 'dingtalk'] as const) {
    if (v[kind].state !== 'off') channels.push({ kind, enabled: v[kind].state === 'on', url: v[kind].url?.trim() || undefined });
  }
  return { channels };
}

/** The outbox of a stored channel: waiting, given up, the last error. */
function OutboxStatus({ channel }: { channel: ChannelView | undefined }) {
  if (!channel) return null;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%', marginBottom: 12 }}>
      <Space size={4} wrap>
        <Tag color={channel.enabled ? 'green' : 'default'}>{channel.enabled ? '已启用' : '已暂停'}</Tag>
        {channel.pending > 0 && <Tag color="processing">待发送 {channel.pending}</Tag>}
        {channel.failed > 0 && <Tag color="error">发送失败 {channel.failed}</Tag>}
      </Space>
      {channel.lastError && <Alert type="warning" showIcon message="最近一次发送出错" description={channel.lastError} />}
    </Space>
  );
}

function StateField({ kind }: { kind: ChannelKind }) {
  return (
    <Form.Item name={[kind, 'state']} label="状态" style={{ marginBottom: 12 }}>
      <Segmented aria-label={`${NAMES[kind]}状态`} options={STATES} />
    </Form.Item>
  );
}

function RobotCard({ kind, stored }: { kind: 'wecom' | 'dingtalk'; stored: ChannelView | undefined }) {
  const state = Form.useWatch([kind, 'state']) as State | undefined;
  const host = kind === 'wecom' ? 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' : 'https://oapi.dingtalk.com/robot/send?access_token=…';
  return (
    <Card title={NAMES[kind]} size="small">
      <OutboxStatus channel={stored} />
      <StateField kind={kind} />
      {state !== 'off' && (
        <Form.Item
          name={[kind, 'url']}
          label="Webhook 地址"
          rules={[
            ...(stored?.url ? [] : [{ required: true, message: '请填写机器人的 Webhook 地址' }]),
            { pattern: /^\s*https?:\/\//, message: 'Webhook 地址应以 http(s):// 开头' },
          ]}
          extra={stored?.url ? `已保存：${stored.url}（留空则保持不变）` : '在群设置中添加自定义机器人后复制其 Webhook 地址'}
          style={{ marginBottom: 0 }}
        >
          <Input placeholder={stored?.url ? '留空则保持不变' : host} allowClear autoComplete="off" />
        </Form.Item>
      )}
      {kind === 'dingtalk' && state !== 'off' && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          钉钉机器人的安全设置请使用“自定义关键词”（如“督办”）或 IP 白名单，暂不支持“加签”。
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function EmailCard({ stored }: { stored: ChannelView | undefined }) {
  const state = Form.useWatch(['email', 'state']) as State | undefined;
  const isMobile = useIsMobile();
  return (
    <Card title={NAMES.email} size="small">
      <OutboxStatus channel={stored} />
      <StateField kind="email" />
      {state !== 'off' && (
        <>
          <Flex gap={12} wrap={isMobile}>
            <Form.Item
              name={['email', 'host']}
              label="SMTP 服务器"
              rules={[{ required: true, whitespace: true, message: '请填写 SMTP 服务器' }]}
              style={{ flex: 1, minWidth: 200 }}
            >
              <Input placeholder="smtp.example.com" autoComplete="off" />
            </Form.Item>
            <Form.Item name={['email', 'port']} label="端口" rules={[{ required: true, message: '请填写端口' }]}>
              <InputNumber min={1} max={65535} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name={['email', 'secure']} label="SSL/TLS" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Flex>
          <Flex gap={12} wrap={isMobile}>
            <Form.Item name={['email', 'user']} label="用户名" style={{ flex: 1, minWidth: 200 }}>
              <Input autoComplete="off" placeholder="通常为发件邮箱" />
            </Form.Item>
            <Form.Item
              name={['email', 'password']}
              label="密码（授权码）"
              extra={stored?.passwordSet ? '已设置，留空则保持不变' : undefined}
              style={{ flex: 1, minWidth: 200 }}
            >
              <Input.Password autoComplete="new-password" placeholder={stored?.passwordSet ? '••••••（已设置）' : '未设置'} />
            </Form.Item>
          </Flex>
          <Form.Item
            name={['email', 'from']}
            label="发件人邮箱"
            rules={[
              { required: true, message: '请填写发件人邮箱' },
              { type: 'email', message: '发件人邮箱不正确' },
            ]}
          >
            <Input placeholder="duban@example.com" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name={['email', 'to']}
            label="收件人"
            extra="可填多个，回车或逗号分隔，最多 20 个"
            rules={[
              { required: true, type: 'array', min: 1, message: '请填写收件人' },
              { type: 'array', max: 20, message: '收件人最多20个' },
              { type: 'array', defaultField: { type: 'email', message: '收件人邮箱不正确' } },
            ]}
            style={{ marginBottom: 0 }}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', '，', ';', '；', ' ']}
              open={false}
              suffixIcon={null}
              placeholder="leader@example.com"
              aria-label="收件人"
            />
          </Form.Item>
        </>
      )}
    </Card>
  );
}

export default function NotificationChannelsPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { data, dataUpdatedAt, isPending, error, refetch } = useChannels(me.abilities.cadreWrite);
  const save = useSaveChannels();

  // each answer (the first, a save) starts the form again from what is stored, secrets empty
  useEffect(() => {
    if (dataUpdatedAt) form.resetFields();
  }, [dataUpdatedAt, form]);

  if (!me.abilities.cadreWrite) return <ApiErrorResult error={new ApiError(403, 'FORBIDDEN', '只有镇领导和管理员可以配置通知渠道')} />;
  if (isPending) return <PageLoading />;
  if (error) return <ApiErrorResult error={error} onRetry={() => refetch()} />;

  const stored = (kind: ChannelKind) => data.channels.find((c) => c.kind === kind);
  const onFinish = (values: Values) =>
    save.mutate(toInput(values), { onSuccess: () => message.success('通知渠道已保存'), onError: (e) => message.error(errorDetail(e)) });

  return (
    <>
      <PageHeader title="通知设置" subTitle="每天一次，把全镇到期和逾期的督办事项汇总发到以下渠道；站内通知不受影响" />
      <Form form={form} layout="vertical" initialValues={initialValues(data.channels)} onFinish={onFinish} style={{ maxWidth: 760 }}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <EmailCard stored={stored('email')} />
          <RobotCard kind="wecom" stored={stored('wecom')} />
          <RobotCard kind="dingtalk" stored={stored('dingtalk')} />
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
            <Button onClick={() => form.resetFields()} disabled={save.isPending}>
              还原
            </Button>
          </Flex>
        </Space>
      </Form>
    </>
  );
}
