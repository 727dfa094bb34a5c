import { engineRule } from '../engine';

export default engineRule(
  'timeline/zone-contradicts-date',
  'warning',
  'A standard-time zone is used on a daylight-saving date, or the other way round (PST in June).',
  'People write PST all year, but in June the Pacific coast is on PDT, an hour apart. The time is read at ' +
    "the offset the abbreviation states (UTC−8 for PST), the only offset the text gives; if the region's " +
    'clock time was meant, the abbreviation should say so.',
  { flagged: '2024-06-12 09:00 PST', better: '2024-06-12 09:00 PDT' },
);
