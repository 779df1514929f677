import { msg } from '@lit/localize';

/** The reference kinds' labels; any other kind is shown by its own name (none when the data gives none). */
export function kindLabel(kind: string): string {
  switch (kind) {
    case 'community-affairs-centre':
      return msg('Community affairs service centre');
    case 'party-community-centre':
      return msg('Party and community service centre');
    case 'elderly-care-station':
      return msg('Elderly care station');
    case 'elderly-care-home':
      return msg('Elderly care home');
    case 'community-canteen':
      return msg('Community canteen');
    case 'health-centre':
      return msg('Community health centre');
    default:
      return kind;
  }
}

/**
 * The names of China's statutory holidays as the holiday-cn calendar writes
 * them, in the page's language; a name not listed is shown as written.
 */
export function holidayName(name: string): string {
  switch (name) {
    case '元旦':
      return msg("New Year's Day");
    case '春节':
      return msg('Spring Festival');
    case '清明节':
      return msg('Qingming Festival');
    case '劳动节':
      return msg('Labour Day');
    case '端午节':
      return msg('Dragon Boat Festival');
    case '中秋节':
      return msg('Mid-Autumn Festival');
    case '国庆节':
      return msg('National Day');
    default:
      return name;
  }
}
