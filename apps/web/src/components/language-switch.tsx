import type { Language } from '@ocop/contracts/common';
import { Segmented } from 'antd';
import { useI18n } from '../lib/i18n';

/** VI/EN toggle; the choice is remembered in localStorage (`ocop.lang`). */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented<Language>
      size={size}
      aria-label={t('language.label')}
      value={language}
      onChange={setLanguage}
      options={[
        {
          value: 'vi',
          label: (
            <span title={t('language.viName')} lang="vi">
              {t('language.vi')}
            </span>
          ),
        },
        {
          value: 'en',
          label: (
            <span title={t('language.enName')} lang="en">
              {t('language.en')}
            </span>
          ),
        },
      ]}
    />
  );
}
