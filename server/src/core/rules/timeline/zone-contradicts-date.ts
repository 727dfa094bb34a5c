import { engineRule } from '../engine';

export default engineRule(
  "timeline/zone-contradicts-date",
  "warning",
  "A standard-time zone is used on a daylight-saving date, or the other way round (PST in June).",
  "People write PST all year, but in June the Pacific coast is on PDT, an hour apart. The region's clock time is used, which is almost always what the author meant; the abbreviation should say so.",
  { flagged: "2024-06-12 09:00 PST", better: "2024-06-12 09:00 PDT" },
);
