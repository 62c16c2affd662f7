import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Select } from 'antd';
import { ROLE_NAMES, ROLES } from '../../../../core/roles';
import { useCadreGroups } from '../../cadre/api/get-cadre-groups';
import { OrgUnitSelect } from '../../org/components/OrgUnitSelect';

const roleOptions = ROLES.map((role) => ({ value: role, label: ROLE_NAMES[role] }));

export interface RoleRow {
  role?: string;
  orgUnitCode?: string;
  orgUnitName?: string;
  cadreGroupId?: number;
}

/** A dynamic list of (role, org-unit scope, cadre group for 组长) rows inside a user form. */
export function RolesField() {
  const groups = useCadreGroups();
  const smallGroups = (groups.data?.items ?? []).flatMap((big) =>
    big.children.map((small) => ({ value: small.id, label: `${big.name} · ${small.name}` })),
  );
  const form = Form.useFormInstance();
  return (
    <Form.List
      name="roles"
      rules={[{ validator: (_, rows: RoleRow[]) => (rows?.length ? Promise.resolve() : Promise.reject(new Error('至少分配一个角色'))) }]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Card key={field.key} size="small" styles={{ body: { padding: '12px 12px 0' } }}>
              <Flex gap={8} wrap align="flex-start">
                <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: '请选择角色' }]} style={{ flex: '1 1 120px' }}>
                  <Select options={roleOptions} placeholder="角色" aria-label="角色" />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => {
                    const isAdmin = getFieldValue(['roles', field.name, 'role']) === 'admin';
                    return (
                      <Form.Item
                        name={[field.name, 'orgUnitCode']}
                        rules={[{ required: !isAdmin, message: '请选择范围' }]}
                        style={{ flex: '2 1 180px' }}
                      >
                        <OrgUnitSelect
                          aria-label="数据范围"
                          placeholder={isAdmin ? '全系统（可不选）' : '数据范围（搜索单位）'}
                          initialLabel={form.getFieldValue(['roles', field.name, 'orgUnitName'])}
                        />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) =>
                    getFieldValue(['roles', field.name, 'role']) === 'group_leader' && (
                      <Form.Item
                        name={[field.name, 'cadreGroupId']}
                        rules={[{ required: true, message: '请选择小组' }]}
                        style={{ flex: '2 1 160px' }}
                      >
                        <Select options={smallGroups} placeholder="所带小组" loading={groups.isPending} aria-label="所带小组" />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="移除角色" />
              </Flex>
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
            添加角色
          </Button>
          <Form.ErrorList errors={errors} />
        </Flex>
      )}
    </Form.List>
  );
}
