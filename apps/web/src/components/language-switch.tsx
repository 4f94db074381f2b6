import type { Language } from '@ocop/contracts/common';
import { Button, Flex } from 'antd';
import { useI18n } from '../lib/i18n';
import { UI_LANGUAGES } from '../lib/i18n';

const NAMES = { vi: 'language.viName', en: 'language.enName' } as const;
const SHORT = { vi: 'language.vi', en: 'language.en' } as const;

/**
 * VI/EN toggle; the choice is remembered in localStorage (`ocop.lang`). Two small buttons rather
 * than antd's Segmented, which would add its own code to the login page's first load.
 */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <Flex
      role="radiogroup"
      aria-label={t('language.label')}
      gap={2}
      style={{ background: 'rgba(255,255,255,0.92)', borderRadius: 6, padding: 2 }}
    >
      {UI_LANGUAGES.map((code: Language) => (
        <Button
          key={code}
          size={size}
          type={code === language ? 'default' : 'text'}
          role="radio"
          aria-checked={code === language}
          title={t(NAMES[code])}
          lang={code}
          onClick={() => setLanguage(code)}
          style={{ minWidth: 36, paddingInline: 8, fontWeight: code === language ? 600 : 400 }}
        >
          {t(SHORT[code])}
        </Button>
      ))}
    </Flex>
  );
}
