import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Input, Select, Space } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useMediaQuery } from '../lib/use-media-query';
import { useProvinceUnits } from '../features/admin-units/api/get-province-units';
import { CURRENT_MAP, currentCommuneOptions, LEGACY_MAP, legacyCommuneOptions, placeFilterOptions } from '../lib/communes';
import { useI18n } from '../lib/i18n';
import { selectOptionMatches } from '../lib/search';

/**
 * Parts shared by the producer and product lists: the search box (the server ignores diacritics
 * and case) and the place filter, which offers today's communes, the former communes and the
 * former districts, searchable without diacritics.
 */
export function RegistrySearch({
  value,
  placeholder,
  onSearch,
}: {
  value: string | undefined;
  placeholder: string;
  onSearch: (q: string) => void;
}) {
  const { t } = useI18n();
  const phone = useMediaQuery(PHONE_QUERY);
  const [text, setText] = useState(value ?? '');
  // The address may change the query (back button, a link): follow it.
  useEffect(() => setText(value ?? ''), [value]);
  // A plain Input (not Input.Search), so that `data-testid` lands on the <input> itself.
  return (
    <Space.Compact style={{ flex: '2 1 320px', maxWidth: 560 }}>
      <Input
        allowClear
        type="search"
        value={text}
        placeholder={placeholder}
        aria-label={placeholder}
        prefix={phone ? undefined : <SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value === '') onSearch('');
        }}
        onPressEnter={() => onSearch(text.trim())}
        data-testid="registry-search"
      />
      <Button
        type="primary"
        onClick={() => onSearch(text.trim())}
        icon={phone ? <SearchOutlined /> : undefined}
        aria-label={t('common.search')}
      >
        {phone ? null : t('common.search')}
      </Button>
    </Space.Compact>
  );
}

export function PlaceFilter({
  provinceCode,
  value,
  onChange,
}: {
  provinceCode: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useI18n();
  const current = useProvinceUnits(provinceCode, CURRENT_MAP);
  const legacy = useProvinceUnits(provinceCode, LEGACY_MAP);
  const options = useMemo(
    () =>
      placeFilterOptions(current.data, legacy.data, {
        current: t('registry.filter.currentCommunes'),
        legacyCommunes: t('registry.filter.legacyCommunes'),
        legacyDistricts: t('registry.filter.legacyDistricts'),
      }),
    [current.data, legacy.data, t],
  );
  return (
    <Select<string>
      allowClear
      showSearch={{ filterOption: selectOptionMatches }}
      value={value}
      onChange={(next) => onChange(next ?? undefined)}
      options={options}
      loading={current.isPending || legacy.isPending}
      placeholder={t('registry.filter.placePlaceholder')}
      aria-label={t('registry.filter.place')}
      popupMatchSelectWidth={false}
      style={{ flex: '1 1 240px', minWidth: 200 }}
      data-testid="place-filter"
    />
  );
}

/** Select of a fixed value set with an "all" choice (empty). */
export function EnumFilter<V extends string>({
  value,
  options,
  label,
  onChange,
  testId,
  width = 190,
}: {
  value: V | undefined;
  options: { value: V; label: string }[];
  label: string;
  onChange: (value: V | undefined) => void;
  testId?: string;
  width?: number;
}) {
  return (
    <Select<V>
      allowClear
      value={value}
      onChange={(next) => onChange(next ?? undefined)}
      options={options}
      placeholder={label}
      aria-label={label}
      popupMatchSelectWidth={false}
      style={{ flex: `1 1 ${width - 40}px`, minWidth: width - 40 }}
      data-testid={testId}
    />
  );
}

/** The communes a producer form offers: today's map, and the former one for the old commune. */
export function useCommuneChoices(provinceCode: string) {
  const current = useProvinceUnits(provinceCode, CURRENT_MAP);
  const legacy = useProvinceUnits(provinceCode, LEGACY_MAP);
  const currentCommunes = useMemo(() => currentCommuneOptions(current.data), [current.data]);
  const legacyCommunes = useMemo(() => legacyCommuneOptions(legacy.data), [legacy.data]);
  return {
    currentCommunes,
    legacyCommunes,
    loading: current.isPending || legacy.isPending,
    provinceName: current.data?.province.name,
  };
}

/** Below this width the filters fold behind a "Bộ lọc" button, so the list starts on the first screen. */
export const PHONE_QUERY = '(max-width: 767px)';

/**
 * The filter bar of a list: the search box, then the other filters. On a phone the other
 * filters fold behind a button that counts the active ones.
 */
export function FilterBar({
  search,
  activeCount,
  extra,
  children,
}: {
  search: ReactNode;
  activeCount: number;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const phone = useMediaQuery(PHONE_QUERY);
  const [open, setOpen] = useState(false);
  if (!phone) {
    return (
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        {search}
        {children}
        {extra}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      <Flex gap={8}>
        {search}
        <Badge count={activeCount} size="small" color="#15803d">
          <Button
            icon={<FilterOutlined />}
            onClick={() => setOpen((value) => !value)}
            aria-expanded={open}
            aria-label={t('registry.filters')}
          >
            {t('registry.filters')}
          </Button>
        </Badge>
      </Flex>
      {open ? (
        <Flex vertical gap={8} data-testid="filter-panel">
          {children}
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
