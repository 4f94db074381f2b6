import { provincesReached } from '@ocop/domain/identity';
import { Button, Card, Flex, Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { useServedProvinces } from '../../features/admin-units/api/list-served-provinces';
import { type AuditFilter, useAuditEntries } from '../../features/audit/api/list-audit-entries';
import { AUDIT_ENTITY_TYPES, entityTypeLabel } from '../../features/audit/audit-format';
import { AuditTable } from '../../features/audit/components/audit-table';
import { homeProvinceCode, useCurrentUser } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';

type FilterValues = { entityType?: string; entityId?: string };

export function AuditPage() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const served = useServedProvinces();
  const [form] = Form.useForm<FilterValues>();
  // Other screens link to one object's history (the import history: ?entityType=import&entityId=…).
  const [params] = useSearchParams();
  const [linked] = useState<FilterValues>(() => ({
    entityType: params.get('entityType') || undefined,
    entityId: params.get('entityId') || undefined,
  }));

  const provinceChoices = useMemo(() => {
    const readable = provincesReached(user.roles, 'audit.read');
    return readable === 'all' ? (served.data ?? []).map((p) => p.code) : readable;
  }, [user.roles, served.data]);

  const [filter, setFilter] = useState<AuditFilter>(() => ({ provinceCode: homeProvinceCode(user), ...linked, page: 1, pageSize: 50 }));
  const entries = useAuditEntries(filter);

  const apply = (values: FilterValues) =>
    setFilter((current) => ({
      ...current,
      entityType: values.entityType || undefined,
      entityId: values.entityId?.trim() || undefined,
      page: 1,
    }));

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      <Card>
        <Form<FilterValues> form={form} layout="inline" onFinish={apply} initialValues={linked} style={{ marginBottom: 16, rowGap: 8 }}>
          {provinceChoices.length > 1 ? (
            <Form.Item label={t('users.province')}>
              <Select
                value={filter.provinceCode}
                onChange={(code: string) => setFilter((current) => ({ ...current, provinceCode: code, page: 1 }))}
                options={provinceChoices.map((code) => ({
                  value: code,
                  label: served.data?.find((p) => p.code === code)?.name ?? code,
                }))}
                style={{ minWidth: 180 }}
              />
            </Form.Item>
          ) : null}
          <Form.Item name="entityType" label={t('audit.filter.entityType')}>
            <Select<string>
              allowClear
              placeholder={t('audit.filter.entityTypeAll')}
              options={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: entityTypeLabel(type, t) }))}
              popupMatchSelectWidth={false}
              style={{ width: 200 }}
              data-testid="audit-entity-type"
            />
          </Form.Item>
          <Form.Item name="entityId" label={t('audit.filter.entityId')}>
            <Input allowClear style={{ width: 240 }} />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit">
              {t('audit.filter.apply')}
            </Button>
            <Button
              onClick={() => {
                form.setFieldsValue({ entityType: undefined, entityId: undefined });
                apply({});
              }}
            >
              {t('audit.filter.reset')}
            </Button>
          </Flex>
        </Form>
        {entries.isError ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={entries.error} />
          </div>
        ) : null}
        <AuditTable
          page={entries.data}
          loading={entries.isFetching}
          onPageChange={(page, pageSize) => setFilter((current) => ({ ...current, page, pageSize }))}
        />
      </Card>
    </>
  );
}
