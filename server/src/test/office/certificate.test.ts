import { describe, expect, it } from 'vitest';
import { CERTIFICATE_TITLES, issuingAuthorities, titleLayout } from '../../modules/recognitions/certificate.js';

describe('certificate issuing authorities and layout', () => {
  it('when a national high-tech enterprise is certified, then the province signs with its finance department and tax bureau(s): two before the 2018 merger, one after', () => {
    expect(issuingAuthorities('hnte', '2016-12-01')).toEqual(['浙江省科学技术厅', '浙江省财政厅', '浙江省国家税务局', '浙江省地方税务局']);
    expect(issuingAuthorities('hnte', '2019-12-04')).toEqual(['浙江省科学技术厅', '浙江省财政厅', '国家税务总局浙江省税务局']);
  });

  it('when a provincial type is certified, then the provincial science department signs; a municipal type, the city commission', () => {
    for (const type of ['tech_sme', 'rd_center_provincial', 'research_institute_provincial', 'research_institute_provincial_key'] as const) {
      expect(issuingAuthorities(type, '2016-01-01')).toEqual(['浙江省科学技术厅']);
    }
    for (const type of ['municipal_hte', 'eagle', 'qinglan', 'rd_center_municipal', 'agri_enterprise', 'agri_social_rd_center', 'leading_team'] as const) {
      expect(issuingAuthorities(type, '2016-01-01')).toEqual(['杭州市科学技术委员会']);
    }
  });

  it('when any title is laid out, then it fits the line at 20 pt or more, or splits in two balanced lines', () => {
    for (const title of [...Object.values(CERTIFICATE_TITLES), '杭州市某某某某某某某某某某某某某某某某某某某某某某某某证书']) {
      const { lines, size } = titleLayout(title);
      expect(size).toBeGreaterThanOrEqual(40);
      expect(lines.join('')).toBe(title);
      expect(Math.min(...lines.map((l) => l.length))).toBeGreaterThanOrEqual(Math.floor(title.length / 2));
    }
  });
});
