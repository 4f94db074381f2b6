import type { AdminUnitView } from '@ocop/contracts/geography';
import { Alert, Checkbox, Flex, Input, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useI18n } from '../../../lib/i18n';
import { MIN_SEARCH_LENGTH, useSearchAdminUnits } from '../api/search-admin-units';

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** Communes by name, with or without Vietnamese marks: the server folds both sides. */
export function UnitSearch({
  asOf,
  provinceCode,
  provinceName,
  onSelect,
}: {
  asOf: string;
  provinceCode: string;
  provinceName: (code: string) => string | undefined;
  onSelect: (unit: AdminUnitView) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [onlyThisProvince, setOnlyThisProvince] = useState(true);
  const q = useDebounced(text.trim(), 300);
  const search = useSearchAdminUnits({
    q,
    asOf,
    provinceCode: onlyThisProvince ? provinceCode : undefined,
    level: 'commune',
    limit: 30,
  });
  const active = q.length >= MIN_SEARCH_LENGTH;

  const columns: TableColumnsType<AdminUnitView> = [
    {
      title: t('common.name'),
      dataIndex: 'name',
      render: (name: string, unit) => <Typography.Link onClick={() => onSelect(unit)}>{name}</Typography.Link>,
    },
    {
      title: t('units.province'),
      dataIndex: 'provinceCode',
      responsive: ['sm'],
      render: (code: string) => provinceName(code) ?? code,
    },
    {
      title: t('common.code'),
      dataIndex: 'code',
      width: 90,
      render: (code: string) => <Tag style={{ fontFamily: 'monospace' }}>{code}</Tag>,
    },
  ];

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        enterButton={t('common.search')}
        placeholder={t('units.searchPlaceholder')}
        aria-label={t('units.searchPlaceholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onSearch={(value) => setText(value)}
        loading={search.isFetching}
        data-testid="unit-search"
      />
      <Checkbox checked={onlyThisProvince} onChange={(event) => setOnlyThisProvince(event.target.checked)}>
        {t('units.onlyThisProvince')}
      </Checkbox>
      {text.trim().length > 0 && text.trim().length < MIN_SEARCH_LENGTH ? (
        <Typography.Text type="secondary">{t('units.searchTooShort')}</Typography.Text>
      ) : null}
      {active && search.isError ? <ErrorAlert error={search.error} /> : null}
      {active && search.data ? (
        search.data.length === 0 ? (
          <Alert type="info" showIcon title={t('units.searchNone')} />
        ) : (
          <>
            <Typography.Text strong>{t('units.searchResults', { count: search.data.length })}</Typography.Text>
            <Table<AdminUnitView>
              size="small"
              rowKey={(unit) => `${unit.snapshot}:${unit.code}`}
              columns={columns}
              dataSource={search.data}
              pagination={false}
              rowClassName="ocop-clickable-row"
              onRow={(unit) => ({ onClick: () => onSelect(unit) })}
              scroll={{ y: 240 }}
            />
          </>
        )
      ) : null}
    </Flex>
  );
}
