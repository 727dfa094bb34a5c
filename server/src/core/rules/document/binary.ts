import { engineRule } from '../engine';

export default engineRule(
  'document/binary',
  'error',
  'The file holds binary data, not Markdown text.',
  'A postmortem is text. A file with NUL bytes or control characters is an image, ' +
    'an archive or a corrupted file saved with a .md name; ' +
    'reading it as Markdown would report nonsense, so it is not analysed.',
);
