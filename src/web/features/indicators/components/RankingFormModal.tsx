import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { TIE_RULE_NAMES, TIE_RULES } from '../../../../core/ranking';
import { useIsMobile } from '../../../components/use-is-mobile';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { useIndicators } from '../api/get-indicators';
import { useIndicatorValues } from '../api/get-values';
import { useSaveRanking } from '../api/rankings';
import type { Ranking } from '../api/types';
import { useDefaultAsOf } from './period-choice';

const blank = (): Ranking => ({
  key: `phb_${Date.now().toString(36)}`,
  name: '',
  indicator: '',
  subject: 'village',
  style: 'dragon_tiger',
  topN: 3,
  bottomN: 3,
  requireTarget: false,
  ties: 'include',
  exemptions: [],
});

/** Creates or edits a ranking: which indicator orders which subjects, how many go on each board, who is exempt. */
export function RankingFormModal({ ranking, open, onClose }: { ranking?: Ranking; open: boolean; onClose: (saved?: Ranking) => void }) {
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const [form] = Form.useForm<Ranking>();
  const indicators = useIndicators(open);
  const save = useSaveRanking(ranking?.key);
  const asOf = useDefaultAsOf();
  const indicator = Form.useWatch('indicator', form) as string | undefined;
  const subject = (Form.useWatch('subject', form) as Ranking['subject'] | undefined) ?? 'village';
  // The subjects are whatever the values answer splits the township into: villages or small cadre groups.
  const subjects = useIndicatorValues({ keys: indicator ? [indicator] : [], periods: [asOf.slice(0, 4)], asOf, by: subject }, open && !!indicator);
  useEffect(() => {
    if (open) form.setFieldsValue(ranking ?? blank());
  }, [open, ranking, form]);

  const onOk = async () => {
    const values = await form.validateFields();
    save.mutate(
      { ...(ranking ?? blank()), ...values, exemptions: values.exemptions ?? [] },
      {
        onSuccess: (saved) => {
          message.success(ranking ? '已保存排行榜' : '已创建排行榜');
          onClose(saved);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.errors.length) {
            form.setFields(
              error.errors.map((e) => ({ name: e.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never, errors: [e.message] })),
            );
          }
          message.error(errorDetail(error));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={ranking ? `编辑排行榜：${ranking.name}` : '新建排行榜'}
      onCancel={() => onClose()}
      onOk={onOk}
      okText={ranking ? '保存' : '创建'}
      cancelText="取消"
      confirmLoading={save.isPending}
      width={isMobile ? '100%' : 680}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" initialValues={ranking ?? blank()}>
        <Form.Item name="key" hidden>
          <Input />
        </Form.Item>
        <Form.Item name="name" label="排行榜名称" rules={[{ required: true, whitespace: true, message: '请填写排行榜名称' }]}>
          <Input placeholder="例如：各村土地流转龙虎榜" />
        </Form.Item>
        <Form.Item name="indicator" label="按哪个指标排名" rules={[{ required: true, message: '请选择指标' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="选择指标"
            loading={indicators.isPending}
            notFoundContent="还没有指标，请先新建指标"
            options={(indicators.data?.items ?? []).map((i) => ({
              value: i.key,
              label: `${i.name}${i.higherIsBetter ? '（越大越好）' : '（越小越好）'}`,
            }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="subject" label="排名对象">
              <Radio.Group
                options={[
                  { value: 'village', label: '村（社区）' },
                  { value: 'cadre_group', label: '包村小组' },
                ]}
                onChange={() => form.setFieldValue('exemptions', [])}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="style" label="榜单样式">
              <Radio.Group
                options={[
                  { value: 'dragon_tiger', label: '龙虎榜' },
                  { value: 'red_black', label: '红黑榜' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="topN" label="上榜（前几名）">
              <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="bottomN" label="下榜（后几名）">
              <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="requireTarget" label="须对照目标" valuePropName="checked" tooltip="开启后，上榜还须完成目标，下榜须未完成目标">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="ties" label="名额处并列时" tooltip="例如取后3名，第3、4、5名数值相同时：一同上榜，或三个都不上榜">
              <Radio.Group options={TIE_RULES.map((t) => ({ value: t, label: TIE_RULE_NAMES[t] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>豁免</Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          豁免的对象照常列出数值，但不排名、不上榜
        </Typography.Text>
        <Form.List name="exemptions">
          {(items, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {items.map((item, i) => (
                <Row key={item.key} gutter={8} wrap={false}>
                  <Col flex={isMobile ? '40%' : '200px'}>
                    <Form.Item name={[item.name, 'subject']} rules={[{ required: true, message: '请选择' }]}>
                      <Select
                        showSearch
                        optionFilterProp="label"
                        placeholder={indicator ? '选择对象' : '先选指标'}
                        aria-label={`第${i + 1}个豁免对象`}
                        disabled={!indicator}
                        loading={subjects.isFetching}
                        options={(subjects.data?.orgUnits ?? []).map((u) => ({ value: u.code, label: u.name }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="auto">
                    <Form.Item name={[item.name, 'reason']} rules={[{ required: true, min: 2, message: '请填写豁免原因' }]}>
                      <Input placeholder="豁免原因，例如：受灾减免" aria-label={`第${i + 1}个豁免原因`} />
                    </Form.Item>
                  </Col>
                  <Col flex="32px">
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除第${i + 1}个豁免`} onClick={() => remove(item.name)} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ subject: undefined, reason: '' })}>
                添加豁免
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
