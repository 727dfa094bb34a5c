/**
 * Words and phrases of blame, and of the people they are aimed at.
 * Each category's triggers are paired with a gate in detect.ts: most phrases blame only when a
 * person, a team, "we" or "I" is the one said to have acted (see subject.ts).
 */

export const PRONOUNS = new Set([
  'we',
  'i',
  'he',
  'she',
  'they',
  'you',
  'someone',
  'somebody',
  'nobody',
  'everyone',
  'everybody',
  'anyone',
  'people',
  'us',
  'me',
  'him',
  'her',
  'them',
]);

export const ROLES =
  /^(?:engineers?|developers?|devs?|operators?|admins?|administrators?|on-?calls?|on-?callers?|oncall|sres?|teams?|staff|employees?|contractors?|interns?|managers?|management|leads?|leaders?|leadership|responders?|reviewers?|authors?|colleagues?|electricians?|technicians?|dbas?|persons?|members?|ops|devops|humans?|maintainers?|owners?|founders?|investors?|executives?|ceo|cto|vp|directors?|newcomers?|juniors?|seniors?|architects?|analysts?|testers?|qa|folks|guys|employees?|personnel|crew|hires?|workers?|staffers?|techies?|sysadmins?|programmers?|coders?|individuals?|supervisors?|officers?|officials?|consultants?|specialists?|volunteers?|moderators?|trainees?|worker)$/i;

/** Nouns for what people did or decided: "debugging efforts mistakenly concluded". */
export const HUMAN_ACTIVITY =
  /^(?:efforts?|decisions?|judg(?:e)?ments?|assessments?|investigations?|analysis|diagnosis|diagnoses|response|choices?|planning|call|reasoning|guess|assumptions?)$/i;

/** Capitalised words that are systems, not people, so "Kubernetes restarted the pod" blames no one. */
export const SYSTEM_NAMES = new Set(
  (
    'kubernetes k8s terraform cloudflare aws azure gcp google github gitlab docker nginx linux kernel postgres postgresql mysql redis kafka jenkins ansible puppet chef karpenter consul vault cron systemd helm argo argocd flux lambda datadog pagerduty grafana prometheus elasticsearch opensearch bottlerocket cosmovisor concourse jira slack sentry envoy istio haproxy varnish memcached rabbitmq zookeeper etcd celery sidekiq rails django spring node npm java python go rust the this that it its our their a an one each every monitoring alerting ci cd dns bgp ssl tls http api sdk cli app service server database cache queue job script tool bot system cluster node pod deploy deployment pipeline release build config configuration change update upgrade patch migration rollout rollback traffic load request process validator replica primary leader scheduler worker controller proxy balancer router firewall gateway network disk memory cpu storage bucket index table schema query certificate token key secret password' +
    // The nouns a postmortem's headline-style sentences open with: "Issue was caused by…", "Code not tested…".
    ' issue issues problem incident outage failure error errors bug bugs fix code test tests logs lesson impact'
  ).split(' '),
);

/** Capitalised words that open sentences and noun phrases without naming anyone. */
export const NOT_NAMES = new Set(
  (
    'both all some each every the this that these those which what whatever most many our their its no none several other another one two three first second last next after before during while when then there here however also because since although monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december' +
    // Adverbs and conjunctions that open a sentence: "Maybe we should…", "Not the first time…", "So we…".
    ' so as whilst whereas not maybe perhaps be better today yesterday tonight despite thus hence yet now' +
    ' meanwhile instead otherwise therefore'
  ).split(' '),
);

/** Words between a subject and its verb that do not change who the subject is. */
export const FILLER = new Set(
  "also then simply just not never really probably possibly likely unfortunately initially still already accidentally mistakenly wrongly incorrectly erroneously hurriedly hastily carelessly inadvertently apparently clearly obviously again later first finally eventually actually mostly only all both had has have having was were is are be been being did do does didn't don't doesn't wasn't weren't hadn't haven't hasn't could would should might may must will can cannot couldn't wouldn't shouldn't and manually quickly immediately directly".split(
    ' ',
  ),
);

/** Past forms that do not end in "-ed", as alternatives for a regular expression. */
export const IRREGULAR_PAST =
  'ran|sent|made|took|hit|put|set|let|cut|shut|broke|wrote|forgot|gave|got|did|went|left|kept|brought|began|chose' +
  '|threw|spent|lost|built|told|thought|knew|saw|found|held|meant';

/** A dash sets off a clause as a comma does: "… slipped past review — one person skipped the check". */
export const CLAUSE_BREAK = new RegExp(
  String.raw`[,;:()—–]|\b(?:and|but|because|so|which|that|when|while|after|before|as|since|although|though|if` +
    String.raw`|where|who|whom)\b`,
  'gi',
);

/** "Try harder" phrases, also read by the action-item rule actions/vigilance-remedy. */
export const VIGILANCE =
  /\b(?:be\s+(?:more\s+|extra\s+|very\s+)?(?:careful|vigilant|diligent|cautious|attentive|aware|mindful)|pay\s+(?:more\s+|closer\s+|better\s+|extra\s+)?attention|double[- ]check(?:ing)?|triple[- ]check|try\s+harder|more\s+(?:care|attention|vigilance|diligence|training)|(?:re)?train(?:ing)?\s+(?:the\s+)?(?:team|engineers|staff|people|on-?call|operators|developers)|remind(?:er)?s?\s+(?:to\s+)?(?:people|engineers|the\s+team|everyone|staff|developers|operators)|remember\s+to|don'?t\s+forget\s+to|never\s+forget|never\s+ignore|plan\s+ahead|know\s+(?:all\s+)?(?:your|how\s+to|when|what)|(?:take|taking)\s+more\s+care|think\s+twice|stay\s+alert)\b/i;
