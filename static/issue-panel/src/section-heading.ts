import { token } from '@atlaskit/tokens';
import { text } from '../../shared/ui';

/** The style of the panel's section headings (Factors, Evidence, Over time…). */
export const SECTION_HEADING = {
  margin: `${token('space.200', '16px')} 0 ${token('space.050', '4px')}`,
  fontSize: '12px',
  fontWeight: 600,
  color: text.subtle,
  textTransform: 'uppercase' as const,
  letterSpacing: '0.03em',
};
