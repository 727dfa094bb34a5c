import { engineRule } from '../engine';

export default engineRule(
  'document/too-large',
  'error',
  'The file is larger than a postmortem can sensibly be (5 MB).',
  'Analysing a very large file would make the editor sluggish for everyone. ' +
    'Above 5 MB the file is not analysed and this is said once, at the top. ' +
    'A postmortem that big usually has logs pasted in: link them instead.',
);
