import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLE_SCOPE, foldVietnamese, type Role } from '@ocop/domain/shared';
import { Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { roleLabel } from '../../../lib/roles';
import { ProducerSelect } from './producer-select';
import { type CommuneOption, type RoleGrantRow, rowIdentity } from './role-grant-form';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Diacritic-insensitive match, so "chieng an" finds "Phường Chiềng An". */
export function communeMatches(input: string, option: CommuneOption | undefined): boolean {
  if (!option) return false;
  const folded = foldVietnamese(input);
  return foldVietnamese(option.label).includes(folded) || option.value.includes(folded);
}

/**
 * The roles editor: one row per grant, a role and the scope that role needs. Commune officers
 * pick a commune of the administered province (today's map), producer members a producer found by
 * name or tax code; province roles need nothing more.
 */
export function RoleGrantsFields({
  roles,
  communes,
  communesLoading,
  provinceCode,
  provinceName,
}: {
  roles: readonly Role[];
  communes: readonly CommuneOption[];
  communesLoading: boolean;
  provinceCode: string;
  provinceName: string;
}) {
  const { t } = useI18n();
  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_, rows: RoleGrantRow[] | undefined) => {
            if (!rows || rows.length === 0) throw new Error(t('users.field.rolesRequired'));
            const seen = new Set<string>();
            for (const row of rows) {
              const identity = rowIdentity(row);
              if (!identity) continue;
              if (seen.has(identity)) throw new Error(t('users.field.duplicateRole'));
              seen.add(identity);
            }
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Card key={field.key} size="small" styles={{ body: { paddingBottom: 0 } }} data-testid="role-row">
              <Flex gap={8} align="flex-start" wrap>
                <Form.Item
                  name={[field.name, 'role']}
                  label={t('users.field.role')}
                  rules={[{ required: true, message: t('users.field.roleRequired') }]}
                  style={{ flex: '1 1 220px', marginBottom: 12 }}
                >
                  <Select<Role>
                    options={roles.map((role) => ({ value: role, label: roleLabel(role, t) }))}
                    placeholder={t('users.field.rolePlaceholder')}
                  />
                </Form.Item>
                <Form.Item noStyle dependencies={[['roles', field.name, 'role']]}>
                  {({ getFieldValue }) => {
                    const role = getFieldValue(['roles', field.name, 'role']) as Role | undefined;
                    const scope = role ? ROLE_SCOPE[role] : null;
                    if (scope === 'commune') {
                      return (
                        <Form.Item
                          name={[field.name, 'communeCode']}
                          label={t('users.field.commune')}
                          rules={[{ required: true, message: t('users.field.communeRequired') }]}
                          style={{ flex: '1 1 240px', marginBottom: 12 }}
                        >
                          <Select<string, CommuneOption>
                            showSearch={{ filterOption: communeMatches }}
                            loading={communesLoading}
                            options={[...communes]}
                            placeholder={t('users.field.communePlaceholder')}
                          />
                        </Form.Item>
                      );
                    }
                    if (scope === 'producer') {
                      return (
                        <Form.Item
                          name={[field.name, 'producerId']}
                          label={t('users.field.producerId')}
                          rules={[{ required: true, message: t('users.field.producerIdRequired') }]}
                          style={{ flex: '1 1 240px', marginBottom: 12 }}
                        >
                          <ProducerSelect provinceCode={provinceCode} />
                        </Form.Item>
                      );
                    }
                    if (scope === 'sales_point') {
                      return (
                        <Form.Item
                          name={[field.name, 'salesPointId']}
                          label={t('users.field.salesPointId')}
                          rules={[
                            { required: true, whitespace: true, message: t('users.field.salesPointIdRequired') },
                            { pattern: UUID, message: t('users.field.uuidInvalid') },
                          ]}
                          style={{ flex: '1 1 240px', marginBottom: 12 }}
                        >
                          <Input placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" style={{ fontFamily: 'monospace' }} />
                        </Form.Item>
                      );
                    }
                    if (scope === 'province' || scope === 'all') {
                      return (
                        <Typography.Text type="secondary" style={{ flex: '1 1 240px', alignSelf: 'center', marginBottom: 12 }}>
                          {scope === 'all' ? t('scope.all') : t('users.field.provinceScope', { province: provinceName })}
                        </Typography.Text>
                      );
                    }
                    return <div style={{ flex: '1 1 240px' }} />;
                  }}
                </Form.Item>
                {fields.length > 1 ? (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('users.field.removeRole')}
                    title={t('users.field.removeRole')}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: 30 }}
                  />
                ) : null}
              </Flex>
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
            {t('users.field.addRole')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Flex>
      )}
    </Form.List>
  );
}
