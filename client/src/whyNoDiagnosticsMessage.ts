/** The explanation "Hindsight: Why No Diagnostics?" shows. No `vscode` import, so it can be tested. */
export interface WhyInput {
  /** The file's name as the user knows it ("notes.md"). */
  fileName: string;
  languageId: string;
  /** The URI scheme: the server sees `file` and `untitled` documents only. */
  scheme: string;
  /** The server's answer to `hindsight/classify`, when it was asked. */
  classification?: { postmortem: boolean; reason: string };
  /** Why the server could not be asked. */
  error?: string;
  /** Hindsight's diagnostics for the file. */
  problems: number;
  run: 'onType' | 'onSave';
  dirty: boolean;
}

export interface WhyAnswer {
  message: string;
  /** A setting worth opening from the message, if any. */
  setting?: string;
}

const SCHEMES = ['file', 'untitled'];

export function whyNoDiagnosticsMessage(input: WhyInput): WhyAnswer {
  const name = `"${input.fileName}"`;
  if (input.languageId !== 'markdown') {
    const language = input.languageId ? `in ${input.languageId}` : 'not Markdown';
    return { message: `Hindsight checks Markdown files only, and ${name} is ${language}.` };
  }
  if (!SCHEMES.includes(input.scheme)) {
    return {
      message:
        `Hindsight checks Markdown files on disk and untitled ones; ` +
        `${name} comes from "${input.scheme}:", so it is not checked.`,
    };
  }
  if (input.error !== undefined || !input.classification) {
    return {
      message:
        `Hindsight could not ask its language server about ${name}${input.error ? `: ${input.error}` : ''}. ` +
        'The Hindsight output channel may say why.',
    };
  }
  const { postmortem, reason } = input.classification;
  if (!postmortem) {
    return {
      message:
        `${name} is not treated as a postmortem because ${reason}. Add \`type: postmortem\` to its frontmatter, ` +
        'or add its path to the `hindsight.include` setting.',
      setting: 'hindsight.include',
    };
  }
  const recognised = `${name} is a postmortem (${reason})`;
  if (input.problems > 0) {
    const problems = `${input.problems} ${input.problems === 1 ? 'problem' : 'problems'}`;
    return { message: `${recognised}, and Hindsight reports ${problems} in it: see the Problems view.` };
  }
  const base =
    `${recognised}, and Hindsight found nothing to report in it. ` +
    'Rules turned off in a .hindsight.json file, or by hindsight-disable comments, report nothing.';
  if (input.run === 'onSave') {
    return {
      message:
        `${base} \`hindsight.run\` is \`onSave\`: findings are those of the file as last saved` +
        `${input.dirty ? ', so save it to check your latest changes' : ''}.`,
      setting: 'hindsight.run',
    };
  }
  return { message: base };
}
