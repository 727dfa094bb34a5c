/**
 * Cues: the small word families that can carry a judgement of people. A cue alone decides
 * nothing; features.ts reads who acts on it and in what mood, and the fitted model weighs that.
 */

import { IRREGULAR_PAST } from './lexicon';

export type CueKind =
  | 'modal-perfect'
  | 'if-had'
  | 'failed-to'
  | 'slip-verb'
  | 'ignore-verb'
  | 'mis-verb'
  | 'not-verified'
  | 'error-label'
  | 'mistake'
  | 'verdict-adverb'
  | 'wrong-object'
  | 'faulty-object'
  | 'omission'
  | 'verdict'
  | 'judged-act'
  | 'character'
  | 'sanction'
  | 'vigilance'
  | 'act-verb'
  | 'damage-verb'
  | 'caused-by'
  | 'blame-verb'
  | 'minimiser'
  | 'root-cause';

const w = (words: string) => words.trim().split(/\s+/).join('|');

const VERIFY = w(`test tested testing check checked checking verify verified validate validated review reviewed
  notice noticed realize realized realise realised consider considered catch caught read follow followed
  anticipate anticipated confirm confirmed double-check double-checked look looked see saw`);

const ACT = w(`removed pushed force-pushed ran executed deployed merged committed introduced changed modified set
  pressed clicked pulled unplugged shut rebooted restarted typed entered sent hard-coded hardcoded disabled
  switched turned updated uploaded published released rolled applied issued started triggered caused made added
  renamed moved`);

/** Duties people carry out: "did not follow", "weren't applied" leave a person's task undone. */
export const DUTY = new RegExp(
  String.raw`^(?:(?:use|perform|follow|update|apply|deploy|respond|communicate|escalate|document|patch|ask|page` +
    String.raw`|revert|approve|investigate|flag|notify|act|account|plan|reply|inform|tell|report|renew|rotate` +
    String.raw`|configure|install|upgrade|announce|coordinate|backup|monitor|add|remove|merge|handle` +
    String.raw`|notice)(?:e?d|s)?` +
    String.raw`|do|done|did|run|ran|taken|take|applied|tried|try|carried|performed)$`,
  'i',
);

/** An act on a thing, before its object: "added the faulty webhook", "picking the wrong option". */
export const ACT_ON_OBJECT = new RegExp(
  String.raw`\b(?:${ACT}|picked|picking|chose|chosen|choosing|selected|selecting|used|using|loaded|loading` +
    String.raw`|applying|adding|pushing|deploying|typing|entering|placed|placing|installed|installing|copied` +
    String.raw`|copying|pasted|pasting|shipped|shipping|wrote|writing)\s+$`,
  'i',
);

/** Acts that are themselves the damage: with a person as subject they need no "causing…" after them. */
const DAMAGE = w(String.raw`broke break breaking crashed wiped deleted dropped destroyed overwrote truncated killed
  took\s+down brought\s+down knocked\s+out messed\s+up screwed\s+up nuked corrupted erased`);

/** Adjectives that grade how people went about a task: "a botched update", "a hasty decision". */
const JUDGING_ADJECTIVE = w(`careless hasty hurried rushed sloppy botched reckless negligent ill-advised ill-considered
  ill-judged misguided half-hearted haphazard slapdash thoughtless heedless lax`);

/** Nouns naming something people did or decided: what a judging adjective grades. */
const ACT_NOUN = w(String.raw`decisions? judge?ments? calls? choices? changes? deploys? deployments? updates? releases?
  rollouts? migrations? fix(?:es)? patch(?:es)? push(?:es)? commits? edits? commands? implementations? work planning
  rotations? cutovers? restarts? restores?
  execution handling responses? attempts? upgrades? maintenance merges? rollbacks? reverts? testing reviews? approach`);

/** A sanction said of people: passive ("was fired") or with a person as object ("fire the engineer"). */
const SANCTION = new RegExp(
  String.raw`\b(?:(?<!\bmore\s)disciplin(?:ed|ary)|reprimand(?:ed)?|demoted|punish(?:ed|ment)?|written\s+up|lo` +
    String.raw`st\s+(?:his|her|their)\s+jobs?` +
    String.raw`|held\s+(?:accountable|responsible)` +
    // "dealt with through a formal write-up", "received a written warning": a sanction as a noun.
    String.raw`|(?:formal|written)\s+(?:write-?ups?|warnings?|reprimands?))\b` +
    // "was simply “reassigned”": the sanction may be set in quotes.
    String.raw`|\b(?:was|were|been|be|being|get|got|getting)\s+(?:\w+\s+)?["“'‘]?(?:fired|sacked|dismissed` +
    String.raw`|terminated|suspended|reassigned|let\s+go)\b` +
    String.raw`|\bfir(?:e|ed|es|ing)\s+(?:the|that|this|an?|him|her|them|his|their)\s+(?:\w+\s+)?` +
    String.raw`(?:engineer|employee|worker|person|operator|developer|admin|staff|supervisor|contractor|intern)s?\b`,
  'gi',
);

/**
 * "…, nor did he test the templates": a negation that inverts, its subject after the auxiliary. Only a
 * one-word subject (a pronoun, a name): "nor did the patch apply" is read no further.
 */
export const NOR_DID =
  String.raw`(?:nor|neither)\s+(?:did|does|had|has|have)\s+` +
  String.raw`(?!(?:the|a|an|this|that|these|those|it|its|our|their|any|each|every)\b)@?[\w'’-]+`;

/** Adverbs between "have" and its participle: "should have also checked", "would have still been". */
export const MODAL_ADVERB = w(String.raw`also still even then already really just perhaps probably maybe at\s+least`);

export const CUES: { kind: CueKind; pattern: RegExp }[] = [
  {
    kind: 'modal-perfect',
    pattern: new RegExp(
      String.raw`\b(?:should|could|would|might|must)(?:n['’]?t|\s+not|\s+never)?(?:\s+have|\s*['’]ve|` +
        String.raw`\s+of)\s+(?:\w+ly\s+|(?:${MODAL_ADVERB})\s+|been\s+)?` +
        String.raw`(?!(?:it|them|him|her|us|me|a|an|the|to|this|that|some` +
        String.raw`|any|no|our|their|his|its|my|your)\b)\w[\w-]*`,
      'gi',
    ),
  },
  { kind: 'modal-perfect', pattern: /\b(?:should|could|would)(?:n['’]?t)?ve\s+\w+/gi },
  // "in retrospect, I shouldn't have.": the act is left out, named earlier in the sentence.
  // Only after a person: "as it should have." is a system that did not do its job. The person is looked for
  // behind the modal, not at every position: a look-behind first would rescan a long blank run (masked markup)
  // from each of its characters.
  {
    kind: 'modal-perfect',
    pattern: new RegExp(
      String.raw`(?:should|must)(?<=\b(?:I|we|he|she)\s+(?:should|must))` +
        String.raw`(?:n['’]?t|\s+not)?\s+have(?=\s*(?:[.!;,)]|$))`,
      'gi',
    ),
  },
  {
    kind: 'if-had',
    pattern: new RegExp(
      String.raw`(?:^\s*["“]?|\bif\s+(?:only\s+)?(?:\w+\s+){0,4})had\b` +
        String.raw`|^\s*had\s+(?:we|i|they|he|she|the|someone)\b`,
      'gi',
    ),
  },
  {
    kind: 'failed-to',
    pattern: new RegExp(
      String.raw`\b(?:fail(?:ed|ing|ure)?|neglect(?:ed|ing)?|forg[eo]t(?:ting|ten)?|omitt?(?:ed|ing)?)\s+to\b`,
      'gi',
    ),
  },
  { kind: 'slip-verb', pattern: /\b(?:overlook(?:ed|ing)?|missed|forgot|forgotten)\b/gi },
  {
    kind: 'ignore-verb',
    pattern: new RegExp(
      String.raw`\b(?:ignor(?:ed|ing)|disregard(?:ed|ing)|skipp(?:ed|ing)|bypass(?:ed|ing)|shrugged\s+off)\b`,
      'gi',
    ),
  },
  {
    kind: 'mis-verb',
    pattern:
      /\bmis(?:typ|configur|judg|read|understo|interpret|label|click|jud|handl|manag|us|calculat|estimat|spell)\w*/gi,
  },
  {
    kind: 'not-verified',
    pattern: new RegExp(
      String.raw`\b(?:did\s*n['’]?o?t|didn['’]t|never|not|without(?:\s+(?:any|proper|adequate|enough)` +
        String.raw`)?|${NOR_DID})\s+(?:\w+\s+)?(?:${VERIFY}|take\s+into\s+account)\b|\bun(?:tested|reviewed|checke` +
        String.raw`d|verified)\b`,
      'gi',
    ),
  },
  {
    kind: 'error-label',
    pattern: new RegExp(
      String.raw`\b(?:human|operator|user|operational|manual|pilot|personnel|employee|staff|admin(?:i` +
        String.raw`strator)?|engineer)[- ]errors?\b` +
        // "a copy-paste error", "a keying error": the error named by the hand's act that made it.
        String.raw`|\b(?:copy[- ](?:and[- ])?paste|typing|typographical|clerical|keying|data[- ]entry)[- ]errors?\b` +
        String.raw`|\bpebkac\b|\bfat[- ]?fing\w*`,
      'gi',
    ),
  },
  {
    kind: 'mistake',
    pattern: new RegExp(
      String.raw`\b(?:mistakes?|typos?|blunders?|oversights?|gaffes?|slip-?ups?|screw-?ups?|goofs?` +
        String.raw`|(?:messed|screwed|fucked)\s+up|botched|fumbled|(?:my|our|his|her|their)\s+(?:bad|fault)` +
        // "feels terrible about his error"; not "their error rates".
        String.raw`|(?:my|his|her|their)\s+(?:own\s+)?errors?(?!\s+(?:rates?|codes?|messages?|logs?|budgets?` +
        String.raw`|handling|responses?|pages?|counts?|spikes?))` +
        String.raw`|at\s+fault|lapse)\b`,
      'gi',
    ),
  },
  {
    kind: 'verdict-adverb',
    pattern: new RegExp(
      String.raw`\b(?:mistakenly|wrongly|incorrectly|erroneously|improperly|accident(?:al|ial)?l?y` +
        String.raw`|inadvertently|unintentionally|carelessly|hastily|hurriedly|recklessly|blindly|naively` +
        String.raw`|foolishly|stupidly|by\s+mistake|by\s+accident)\b`,
      'gi',
    ),
  },
  { kind: 'wrong-object', pattern: /\b(?:the|a)\s+wrong\s+\w+/gi },
  // "added the faulty webhook", "applied the incorrect certificates": a flawed thing as an act's object.
  {
    kind: 'faulty-object',
    pattern: new RegExp(
      String.raw`\b(?:the|a|an|this|that|these|those)\s+(?:[\w-]+\s+)?(?:incorrect|faulty|erroneous|bad|broken` +
        String.raw`|invalid|misconfigured|buggy|flawed)\s+[\w-]+`,
      'gi',
    ),
  },
  // "did not update the templates", "was not taken seriously": an act left undone, beyond checking.
  {
    kind: 'omission',
    pattern: new RegExp(
      // "does not update": a timeline row narrates in the present what was left undone.
      String.raw`\b(?:did\s*n['’]?o?t|didn['’]t|does\s+not|doesn['’]t|never` +
        String.raw`|ha(?:s|ve|d)\s+not|ha(?:s|ve|d)n['’]t|${NOR_DID})\s+(?:\w+ly\s+)?` +
        String.raw`(?![a-z]+ly\b)(?!(?:${VERIFY}|know|think|expect|anticipate|have|seem|appear|exist|happen` +
        String.raw`|occur|need|get|be|been)\b)` +
        String.raw`[a-z][\w-]*|\b(?:was|were)\s*n?['’]?o?t?\s+not\s+[a-z]+(?:ed|en)\b` +
        String.raw`|\b(?:was|were)n['’]t\s+[a-z]+(?:ed|en)\b` +
        // "the handler had not been wired in": a perfect passive of a task left undone.
        String.raw`|\bha(?:s|ve|d)(?:\s+not|n['’]t)\s+been\s+[a-z]+(?:ed|en)\b`,
      'gi',
    ),
  },
  {
    kind: 'verdict',
    pattern: new RegExp(
      String.raw`\b(?:unacceptable|inexcusable|irresponsible|negligen(?:t|ce)` +
        String.raw`|(?:poor|bad)\s+(?:judge?ment|decision|call|choice)s?|rush(?:ed|ing)|unprofessional` +
        String.raw`|ill-advised|misguided|dereliction|no\s+excuse|should\s+never|improper|poorly)\b`,
      'gi',
    ),
  },
  {
    kind: 'character',
    pattern: new RegExp(
      String.raw`\b(?:careless(?:ness)?|lazy|laziness|sloppy|sloppiness|reckless(?:ness)?|incompeten(?:t|ce)` +
        String.raw`|inattentive|stupid(?:ity)?|dumb|idiot\w*|clueless|inexperienced|tired|exhausted|weary` +
        String.raw`|sleepy|fatigued|distracted|complacen(?:t|cy)|arrogan(?:t|ce)|ignoran(?:t|ce)|foolish` +
        String.raw`|half-asleep|rookie|noob|n00b|amateur(?:ish)?|fools?(?![\w-])|nitwits?|moron\w*)\b`,
      'gi',
    ),
  },
  // "a botched network update", "rushed implementations and deployments": the act itself carries the verdict.
  {
    kind: 'judged-act',
    pattern: new RegExp(String.raw`\b(?:${JUDGING_ADJECTIVE})\s+(?:[\w-]+\s+)?(?:${ACT_NOUN})\b`, 'gi'),
  },
  { kind: 'sanction', pattern: SANCTION },
  {
    kind: 'vigilance',
    pattern: new RegExp(
      // "a more careful migration" describes what was done; "be more careful" asks for effort.
      String.raw`\b(?:(?<!\b(?:a|an|the)\s)(?:be|being|more)\s+(?:more\s+)?` +
        String.raw`(?:careful|vigilant|diligent|aware|attentive|cautious` +
        // "be disciplined" is also a sanction: only "more disciplined" asks for effort.
        String.raw`|rigorous|thorough|mindful)|more\s+disciplined` +
        String.raw`|pay(?:ing)?\s+(?:more|closer|better|extra)?\s*attention|(?:double|triple)[- ]?check\w*` +
        String.raw`|(?:more|extra)\s+efforts?|(?:think|try|work)\s+harder|(?:closer|harder)\s+look` +
        String.raw`|(?:more|better|additional)\s+training|re-?train\w*|(?:be|been|get)\s+trained` +
        // "remind staff to check" asks for effort; "remind them that they were doing normal work" states a fact.
        String.raw`|remind(?:s|ed|ing)?(?=\s+(?:[\w'’-]+\s+){0,3}?to\s)` +
        String.raw`|vigilan(?:t|ce)|think\s+twice|closer\s+inspection|take\s+(?:more\s+)?care` +
        // "Better check the config twice", "we have to get better at tracking", "I learned my lesson".
        String.raw`|^\W*better\s+(?:check|analy[sz]e|test|review|read|verify|look|plan|think|watch|monitor)` +
        String.raw`|get\s+better\s+(?:at|in|about)|learn(?:ed|t)?\s+(?:my|our|his|her|their)\s+lesson` +
        // "Know all your certificates", "plan ahead": the action-item rule's try-harder advice, as an order.
        String.raw`|^\W*know\s+(?:all\s+)?(?:your|how\s+to)|plan\s+ahead` +
        // "Make sure engineers check…", "Ensure every responder has…": a duty laid on people;
        // not what a system does for them ("ensure engineers get paged", "can roll back").
        String.raw`|(?:make\s+sure|ensure)\s+(?:that\s+)?(?:(?:all|every|each|the|our|your)\s+)?(?:on-?call\s+)?` +
        String.raw`(?:team\s+members?|engineers?|developers?|operators?|staff|people|everyone|reviewers?|admins?)` +
        String.raw`(?!\s+(?:get|gets|receive\w*|are|is|can|be|will|have\s+access|see|know\s+when)\b))\b`,
      'gi',
    ),
  },
  // "re-started", "re-deployed": a hyphenated prefix belongs to the verb, not to the words before it.
  { kind: 'act-verb', pattern: new RegExp(String.raw`\b(?:re-)?(?:${ACT})\b`, 'gi') },
  { kind: 'damage-verb', pattern: new RegExp(String.raw`\b(?:${DAMAGE})\b`, 'gi') },
  {
    kind: 'caused-by',
    pattern: new RegExp(
      String.raw`\b(?:caused|triggered|introduced|done)\s+(?:by|when)\b|\b(?:due|thanks)\s+to\b` +
        String.raw`|\bresult(?:ed)?\s+(?:of|from)\b`,
      'gi',
    ),
  },
  // "has blamed a single operator for the leak", "blaming it all on a single person": blame laid on someone.
  // The bare form is left out: "the blame", "to blame", "Blame the workflow" state no one's verdict.
  { kind: 'blame-verb', pattern: /\bblam(?:es|ed|ing)\b(?!-)/gi },
  {
    kind: 'minimiser',
    pattern: new RegExp(
      String.raw`\b(?:obviously|clearly|simply|just|easily|of\s+course|trivially|in\s+(?:hindsight|retrospect))\b`,
      'gi',
    ),
  },
  { kind: 'root-cause', pattern: /\b(?:root|primary|main|real|underlying|sole|ultimate)\s+cause\b/gi },
];

/** A consequence after an act: "…, causing the outage", "which took down checkout". */
export const CONSEQUENCE = new RegExp(
  String.raw`\b(?:caus\w+|result\w*\s+in|led\s+to|leading\s+to|broke|breaking|took\s+down|taking\s+down` +
    String.raw`|brought\s+down|bringing\s+down|outage|downtime|crash\w*|lost|losing|wip\w+|delet\w+` +
    String.raw`|destroy\w+|impact\w*|fail\w*|panic|errors?)\b`,
  'i',
);

/** A consequence that is a recovery: "…, which let the other zones stabilise" is a responder's fix working. */
export const RECOVERY = /\b(?:stabili[sz]\w*|recover\w*|resum\w*|restor\w*|drain\w*|improv\w*|succeed\w*)\b/i;

/** Verbs after a modal perfect that describe an outcome or a wish, not a person's act ("would have prevented"). */
export const OUTCOME_VERBS = new RegExp(
  String.raw`^(?:been|prevented|avoided|caught|detected|reduced|mitigated|happened|resulted|caused|led` +
    String.raw`|helped|allowed|made|saved|limited|shortened|affected|impacted|seen|noticed|taken|had` +
    String.raw`|expected|liked|like|loved|preferred|wanted|hoped)$`,
  'i',
);

/** Acts people do, so that "should have been tested" judges whoever should have done it. */
export const HUMAN_ACTS = new RegExp(
  String.raw`^(?:${VERIFY}|performed|done|approved|deployed|applied|run|followed|communicated|esc` +
    String.raw`alated|rolled|written|documented|updated|fixed|patched|waited|asked|paged|reverted|u` +
    String.raw`sed|stopped|tried|load-tested)$`,
  'i',
);

/**
 * Tasks that people carry out and answer for, as past participles: in a passive without an agent ("the
 * procedures weren't followed", "the patch was merged when it should not have been") the sentence
 * still judges whoever had the task. Work a system also does (applied, updated, deployed, detected) is
 * left out: "the migration wasn't applied", "the exception was not handled", "the job was not executed"
 * describe a state; so does perception ("wasn't noticed", "was not caught"), which monitoring shares.
 */
export const DUTY_PARTICIPLE = new RegExp(
  String.raw`^(?:tested|checked|double-checked|verified|validated|reviewed|considered|followed|approved` +
    String.raw`|authori[sz]ed|estimated|performed|heeded|communicated` +
    String.raw`|escalated|documented|planned|announced|coordinated|ignored|overlooked|missed|skipped|forgotten` +
    String.raw`|tried|done|investigated|addressed|enforced|respected|added)$`,
  'i',
);

/**
 * Duties after "failed to", "failure to", "forgot to": "failed to follow the procedure", "failure to ask".
 * What a system also does ("failed to deploy", "failed to notify", "failed to renew") is left out.
 */
export const DUTY_VERB = new RegExp(
  String.raw`^\s+(?:(?:properly|adequately|fully|effectively)\s+)?(?:test|check|double-check|verify|validate|review` +
    String.raw`|consider|follow|approve|estimate|heed|communicate|escalate|document|plan|announce|coordinate|ask` +
    String.raw`|patch|comply|respond|inform|tell|read|back\s?up|copy|comment|confirm)\b`,
  'i',
);

/** Whole-sentence signals that change what a cue means. */
export const SIGNALS: { name: string; pattern: RegExp }[] = [
  {
    name: 'rejects-blame',
    pattern: new RegExp(
      String.raw`\b(?:not|never|isn['’]t|wasn['’]t|no|nor|nobody|none|neither|rather\s+than` +
        String.raw`|instead\s+of)\b[^.;]{0,40}\b(` +
        String.raw`?:root\s+cause|the\s+cause|a\s+cause|to\s+blame|blam\w+|fault|punish\w*|finger[- ]po` +
        String.raw`int\w*)` +
        String.raw`|\bblame-?(?:less|free)\b|\bsymptoms?\b|\bscapegoat\w*|\bhindsight\s+bias\b` +
        String.raw`|\bno\s+one\s+(?:is|was)\s+(?:to\s+blame|at\s+fault)` +
        String.raw`|\b(?:avoid|without)\s+(?:assigning\s+)?blam\w+|\bhuman\s+error\s+is\b|\bimply\s+blame` +
        String.raw`|\bviews?\s+of\s+human` +
        String.raw`|\b(?:allow|account|design)\w*\s+for\s+(?:human\s+)?(?:error|mistake)` +
        String.raw`|\bremove\s+human\s+error|\binevitabl\w+|\b(?:any|every)\s+(?:\w+\s+){0,2}could\s+have` +
        String.raw`|\b(?:avoid|without|not|no)\s+(?:\w+\s+)?(?:attach|assign|plac|apportion)\w*\s+blame` +
        String.raw`|\banonymi[sz]\w*|\bold\s+view|\bnot\s+(?:their|his|her|your|our|my)\s+fault` +
        String.raw`|\b(?:anyone|anybody|everyone)\s+could\s+have|\bbad\s+actors?|\bnormal\s+part` +
        String.raw`|\bhappens?\s+to\s+(?:everyone|anyone|all)|\beveryone\s+(?:makes|screws|will)`,
      'i',
    ),
  },
  {
    name: 'known-at-time',
    pattern: new RegExp(
      String.raw`\bat\s+the\s+time\b` +
        String.raw`|(?<!(?:wrongly|mistakenly|incorrectly|falsely|naively|blindly)\s)\b(?:believ|assum|thought` +
        String.raw`|thinking|expect)(?:ed|ing)?\s+(?:that\s+)?\w+` +
        String.raw`|\b(?:did\s*n['’]?o?t|didn['’]t|had\s+no)\s+(?:\w+\s+)?(?:think|expect|know|anticipate|reason|way)\b` +
        String.raw`|\b(?:unaware|not\s+aware|no\s+(?:way|reason)\s+to\s+know|not\s+(?:yet\s+)?known)\b|\bsince\s+it\b`,
      'i',
    ),
  },
  {
    name: 'missing-guard',
    pattern: new RegExp(
      String.raw`\b(?:no|without|lack(?:ed|ing)?(?:\s+of)?|missing|absence\s+of|nothing)\s+(?:\w+\s+)` +
        String.raw`{0,2}(?:checks?|guard\w*|safeguards?|validation|confirmation|warnings?|alerts?|alert` +
        String.raw`ing|tests?|review|process|procedures?|documentation|runbooks?|monitoring|cue|indicat` +
        String.raw`ion|signal|protection|escalation|prompt|way|visibility|(?:prevented|stopped|warned|i` +
        String.raw`ndicated))\b`,
      'i',
    ),
  },
  {
    name: 'forward',
    pattern: new RegExp(
      String.raw`\b(?:will|we['’]ll|going\s+to|plan(?:s|ning)?\s+to|need\s+to|needs\s+to|must|in\s+the\s+future` +
        String.raw`|going\s+forward|moving\s+forward|from\s+now\s+on|next\s+time|action\s+items?` +
        String.raw`|(?<!\bto\s)(?:ensure|make\s+sure)` +
        String.raw`|should\s+(?!have|['’]ve|not\s+have|n['’]t\s+have)\w+|recommend\w*` +
        // "We propose…" looks forward; "Proposal time was wrongly estimated" names a thing.
        String.raw`|propos(?:e|es|ing)|follow-?ups?)\b`,
      'i',
    ),
  },
  {
    name: 'imperative',
    pattern: new RegExp(
      // An order may follow a label or a short lead-in, or both: "Lesson #1: …", "Also, …",
      // "Before migration, …".
      String.raw`^\W*(?:(?:lessons?|tips?|rules?|takeaways?|learnings?)\s*#?\s*\w{0,3}\s*:\s*` +
        String.raw`|(?:also|so|finally|first|second|third|next|lastly|again|instead|then)\s*,?\s+` +
        String.raw`|(?:before|after|during|when|whenever|while|for|in|on|if|unless)\b[^,:;.]{1,50},\s*){0,2}` +
        String.raw`(?:pay|double-check|know|think|remember|remind|take|get|stay|communicate|add|run|review|ensure|better` +
        String.raw`|create|implement|update|improve|test|document|make|consider|use|set|enable|monitor` +
        String.raw`|automate|train|require|be|establish|investigate|write|build|introduce|define|move|remove` +
        String.raw`|check|verify|avoid|always|never|do|don['’]t|keep|look|ask|try|stop|start|prefer|include` +
        String.raw`|limit|reduce|increase|provide|schedule|audit|alert|block|prevent|validate|clarify|share` +
        // "Use of the /24 block was reckless": a verb's form heading a noun phrase is a noun, not an order.
        String.raw`|teach|encourage|focus|identify|describe|explain|list|note|write|assign|follow|plan)\b(?!\s+of\b)`,
      'i',
    ),
  },
  {
    name: 'question',
    pattern: new RegExp(
      String.raw`\?\s*$` +
        String.raw`|^\W*(?:what|why|how|who|when|where|which|did|do|does|was|were|is|are|could|should|w` +
        String.raw`ould|can|have|has)\b[^.]*\?`,
      'i',
    ),
  },
  { name: 'timeline', pattern: /^\W*(?:\d{1,2}[:.]\d{2}|\d{4}-\d{2}-\d{2}|\[?\+\d|\d{1,2}\s*(?:am|pm)\b|@\w)/i },
  {
    name: 'attacker',
    pattern: new RegExp(
      String.raw`\b(?:attack(?:ers?|ed|ing)|malicious|hack(?:ers?|ed|ing)|botnet|spammers?|abusers?|adversar\w*` +
        String.raw`|threat\s+actors?|criminals?|phish(?:ers?|ed|ing)|exploit(?:ed|ing)|scammers?|fraudsters?)\b`,
      'i',
    ),
  },
  // An attack named only as an event ("prevented the hack", "the complexity of the attack") puts no one else
  // in the act: it is weighed apart from an attacker who acts.
  { name: 'attack-event', pattern: /\b(?:attacks?|hacks?|ddos|exploits?|cyberattacks?)\b/i },
  {
    name: 'audience',
    pattern: new RegExp(
      String.raw`^\W*(?:\w+\s+){0,3}(?:users?|customers?|clients?|visitors?|subscribers?|players?|pat` +
        String.raw`rons?|members\s+of\s+the\s+public)\b`,
      'i',
    ),
  },
  {
    name: 'generic-you',
    pattern: new RegExp(
      String.raw`\b(?:you|your|anyone|everyone|everybody|somebody\s+will|(?:people|humans)\s+(?:make|will|err|are))\b`,
      'i',
    ),
  },
  { name: 'mentions-blame', pattern: /\bblam\w*/i },
  // Blame is told in the past; a sentence with no past form states a rule or a habit ("people make mistakes").
  {
    name: 'no-past',
    pattern: new RegExp(
      String.raw`^(?![\s\S]*\b(?:was|were|had|didn['’]t|wasn['’]t|weren['’]t|hadn['’]t|been|[a-z]{2,}ed` +
        String.raw`|${IRREGULAR_PAST}|caught|done|gone|taken|seen|known|written|forgotten|\w+['’]ve)\b)`,
      'i',
    ),
  },
  {
    name: 'outcome-worse',
    pattern: new RegExp(
      String.raw`\b(?:could|would|might)\s+have\s+been\s+(?:much\s+|far\s+|a\s+lot\s+)?(?:worse|longe` +
        String.raw`r|larger|bigger|catastrophic|avoided|prevented)\b`,
      'i',
    ),
  },
];
