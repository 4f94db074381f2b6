import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useProducerSearch } from '../api/search-producers';

/** Picks a producer by typing its name or tax code, instead of pasting its id. */
export function ProducerSelect({
  id,
  provinceCode,
  value,
  onChange,
}: {
  /** Given by Form.Item, so the label points at the input. */
  id?: string;
  provinceCode: string;
  value?: string;
  onChange?: (value: string) => void;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const producers = useProducerSearch(provinceCode, query);
  const options = (producers.data?.items ?? []).map((producer) => ({
    value: producer.id,
    label: `${producer.name} · ${producer.registrationNumber}`,
  }));
  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value}
      onChange={onChange}
      loading={producers.isFetching}
      options={options}
      placeholder={t('users.field.producerPlaceholder')}
      notFoundContent={producers.isFetching ? null : t('users.field.producerNone')}
      data-testid="producer-select"
    />
  );
}
